package io.certdesk.keystore.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the chain stood at a moment, MACed under the audit key and kept outside the database. */
@Schema(name = "AuditCheckpoint")
public record AuditCheckpoint(
        @Schema(description = "The newest entry at that moment") long seq,
        @Schema(description = "Its hash") String hash,
        @Schema(description = "When the checkpoint was written") Instant writtenAt,
        @Schema(description = "HMAC-SHA256 under the audit key over seq, hash and time") String mac) {
}
