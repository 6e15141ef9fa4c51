package io.certdesk.order.renewal;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Run the renewal notices as on {@code runDate}. */
@Schema(name = "RenewalRunRequest")
public record RenewalRunRequest(
        @NotNull @Schema(description = "The day (Asia/Tokyo) to send the notices of", examples = "2027-01-14") LocalDate runDate) {
}
