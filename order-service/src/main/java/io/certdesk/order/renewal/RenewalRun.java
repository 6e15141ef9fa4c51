package io.certdesk.order.renewal;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one run of the renewal job did. */
@Schema(name = "RenewalRun")
public record RenewalRun(
        @Schema(description = "The day (Asia/Tokyo) whose notices were sent") LocalDate runDate,
        @Schema(description = "Active terms ending inside the notice windows with no renewal under way") int termsDue,
        @Schema(description = "Notices claimed, quoted and queued by this run (each at most once per term and window)") int noticesQueued,
        @Schema(description = "ACME certificates whose renewal information (RFC 9773) was asked of their CA") int renewalInfoChecked,
        @Schema(description = "REISSUE orders started for terms whose certificate reached its reissue time") int reissuesStarted,
        @Schema(description = "Certificates staff were alerted about: expiring soon with no replacement deployed") int staffAlerts,
        long durationMs) {

    static RenewalRun of(RenewalJob.Result r) {
        return new RenewalRun(r.date(), r.termsDue(), r.noticesQueued(), r.renewalInfoChecked(), r.reissuesStarted(),
                r.staffAlerts(), r.millis());
    }
}
