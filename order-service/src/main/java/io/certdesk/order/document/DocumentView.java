package io.certdesk.order.document;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One checklist item without its bytes (download them from its file link). */
@Schema(name = "Document")
public record DocumentView(
        DocumentKind kind,
        DocumentStatus status,
        @Schema(description = "Why it was rejected", nullable = true) String reason,
        @Schema(nullable = true) String fileName,
        @Schema(nullable = true) String contentType,
        @Schema(nullable = true) Long sizeBytes,
        @Schema(description = "SHA-256 of the file, hex", nullable = true) String sha256,
        @Schema(nullable = true) Instant receivedAt,
        @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true) String decidedBy) {

    static DocumentView of(OrderDocument d) {
        return new DocumentView(d.kind, d.status, d.reason, d.fileName, d.contentType, d.sizeBytes, d.sha256,
                d.receivedAt, d.decidedAt, d.decidedBy);
    }
}
