package io.certdesk.order.phone;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the CA's call went. */
@Schema(name = "OutcomeRequest")
public record OutcomeRequest(
        @NotNull @Schema(description = "true when the CA confirmed the organisation on the call") Boolean passed,
        @Size(max = 1000) String note) {
}
