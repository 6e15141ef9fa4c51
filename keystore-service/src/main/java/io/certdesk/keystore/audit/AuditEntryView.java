package io.certdesk.keystore.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit entry as the API shows it. */
@Schema(name = "AuditEntry")
public record AuditEntryView(long seq, Instant recordedAt, String actor, String actorRole, String action,
        @Schema(nullable = true) String target, AuditEntry.Outcome outcome,
        @Schema(description = "The client's address", nullable = true) String source,
        @Schema(nullable = true) String detail, String prevHash, String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq, e.at, e.actor, e.actorRole, e.action, e.target, e.outcome, e.source,
                e.detail, e.prevHash, e.hash);
    }
}
