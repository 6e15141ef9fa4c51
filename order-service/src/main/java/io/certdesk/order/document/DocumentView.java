package io.certdesk.order.document;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One checklist item without its bytes (download them from its file link). */
@Schema(name = "Document")
public record DocumentView(DocumentKind kind, DocumentStatus status, String reason, String fileName,
        String contentType, Long sizeBytes, String sha256, Instant receivedAt, Instant decidedAt, String decidedBy) {

    static DocumentView of(OrderDocument d) {
        return new DocumentView(d.kind, d.status, d.reason, d.fileName, d.contentType, d.sizeBytes, d.sha256,
                d.receivedAt, d.decidedAt, d.decidedBy);
    }
}
