package io.certdesk.order.renewal;

import io.certdesk.order.platform.CustomerId;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Run the renewal job as on {@code runDate}, for every customer or one. */
@Schema(name = "RenewalRunRequest")
public record RenewalRunRequest(
        @NotNull @Schema(description = "The day (Asia/Tokyo) to run as", examples = "2027-01-14") LocalDate runDate,
        @Schema(description = "Only this customer's terms (a support engineer replaying a day for one customer); all "
                + "customers when omitted", nullable = true) CustomerId customerId) {
}
