package io.certdesk.keystore.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit entry as the API shows it. */
@Schema(name = "AuditEntry")
public record AuditEntryView(long seq, Instant at, String actor, String actorRole, String action, String target,
        AuditEntry.Outcome outcome, String source, String detail, String prevHash, String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq, e.at, e.actor, e.actorRole, e.action, e.target, e.outcome, e.source,
                e.detail, e.prevHash, e.hash);
    }
}
