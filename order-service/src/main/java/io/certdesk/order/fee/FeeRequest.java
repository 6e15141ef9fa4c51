package io.certdesk.order.fee;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new fee version: from {@code effectiveAt} on, {@code setupFeeJpy} replaces the current fee of the type. */
@Schema(name = "FeeRequest")
public record FeeRequest(
        @NotNull OrderType orderType,
        @NotNull @Min(0) @Max(10_000_000) @Schema(description = "Setup and application-agency fee, tax included")
        Long setupFeeJpy,
        @NotNull @Schema(description = "When the new fee takes effect; must be later than the current version's start")
        Instant effectiveAt) {
}
