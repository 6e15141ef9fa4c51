package io.certdesk.binding.server;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The server's contract plan, which caps how many global IPs may be added to it. */
@Schema(name = "ContractPlan")
public record ContractPlan(
        @NotBlank @Size(max = 64) @Schema(examples = "DEDICATED-STANDARD") String code,
        @NotNull @Min(0) @Max(256) @Schema(description = "How many global IPs beyond the primary one the plan allows") Integer additionalIpLimit) {
}
