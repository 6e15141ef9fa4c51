package io.certdesk.keystore.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of re-computing the audit chain. */
@Schema(name = "AuditVerification")
public record AuditVerification(
        @Schema(description = "True when every entry links to the one before and none was changed") boolean intact,
        @Schema(description = "Entries verified good, from the first on") long verifiedEntries,
        @Schema(description = "The first entry that is missing, altered or out of chain; null when intact", nullable = true) Long firstBrokenSeq,
        @Schema(description = "What is wrong at firstBrokenSeq; null when intact", nullable = true) String problem,
        @Schema(description = "The newest checkpoint the chain was held against (written outside the database); null "
                + "when none is configured or written yet", nullable = true) AuditCheckpoint checkpoint) {

    static AuditVerification intact(long entries, AuditCheckpoint checkpoint) {
        return new AuditVerification(true, entries, null, null, checkpoint);
    }

    static AuditVerification broken(long verified, long seq, String problem, AuditCheckpoint checkpoint) {
        return new AuditVerification(false, verified, seq, problem, checkpoint);
    }
}
