package io.certdesk.binding.server;

import io.certdesk.binding.platform.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff send to register a server. */
@Schema(name = "ServerRequest")
public record ServerRequest(
        @NotBlank @Size(max = 253) @Schema(examples = "ds1234.hosting.example.jp") String hostname,
        @NotNull @Schema(description = "The owning customer's id in order-service") CustomerId customerId,
        @NotBlank @Size(max = 253) @Schema(examples = "www.aaa.co.jp") String masterDomain,
        @NotBlank @Size(max = 45) @Schema(examples = "203.0.113.10") String primaryIp,
        @NotNull @Valid ContractPlan plan) {
}
