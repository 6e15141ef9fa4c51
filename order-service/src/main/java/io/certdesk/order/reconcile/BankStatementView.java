package io.certdesk.order.reconcile;

import io.certdesk.order.platform.BankStatementId;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An imported bank statement and what its import did. */
@Schema(name = "BankStatement")
public record BankStatementView(
        BankStatementId id,
        @Schema(nullable = true) String fileName,
        @Schema(description = "SHA-256 of the file: the same file imports once") String fileSha256,
        @Schema(description = "Credits in the file (withdrawals are not read)") int credits,
        @Schema(description = "Credits booked as payments") int matched,
        @Schema(description = "Credits waiting for accounting (GET /bank-credits?status=REVIEW)") int review,
        @Schema(description = "Credits an earlier statement brought already (overlapping statements)") int duplicates,
        Instant importedAt,
        String importedBy) {

    static BankStatementView of(BankStatement s) {
        return new BankStatementView(BankStatementId.of(s.id), s.fileName, s.fileSha256, s.credits, s.matched, s.review,
                s.duplicates, s.importedAt, s.importedBy);
    }
}
