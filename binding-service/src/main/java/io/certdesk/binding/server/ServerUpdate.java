package io.certdesk.binding.server;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A server's changeable details; hostname and primary IP are fixed once registered. */
@Schema(name = "ServerUpdate")
public record ServerUpdate(
        @NotBlank @Size(max = 253) String masterDomain,
        @NotNull @Valid ContractPlan plan) {
}
