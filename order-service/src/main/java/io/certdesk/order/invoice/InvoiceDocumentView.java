package io.certdesk.order.invoice;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A PDF delivered for an invoice, without its bytes (GET …/documents/{documentId} gives them). */
@Schema(name = "InvoiceDocument")
public record InvoiceDocumentView(
        InvoiceDocumentId id,
        InvoiceId invoiceId,
        @Schema(description = "INVOICE: the qualified invoice (適格請求書); VOID_NOTICE: the notice that it was cancelled; "
                + "REFUND: a refund invoice (適格返還請求書)") InvoiceDocument.Kind kind,
        String fileName,
        @Schema(description = "SHA-256 of the PDF as delivered (also its ETag)") String sha256,
        Instant createdAt) {

    public InvoiceDocumentView(long id, long invoiceId, InvoiceDocument.Kind kind, String fileName, String sha256,
            Instant createdAt) {
        this(InvoiceDocumentId.of(id), InvoiceId.of(invoiceId), kind, fileName, sha256, createdAt);
    }
}
