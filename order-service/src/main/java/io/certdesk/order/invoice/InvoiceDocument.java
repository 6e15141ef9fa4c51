package io.certdesk.order.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A PDF delivered for an invoice, kept exactly as it was delivered; see V14__invoice_documents.sql. */
@Entity
@Table(name = "invoice_document")
public class InvoiceDocument {

    /** The invoice itself, the notice that it was voided, or a refund invoice (返還インボイス). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "InvoiceDocumentKind")
    public enum Kind {
        INVOICE, VOID_NOTICE, REFUND
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id", nullable = false)
    public long invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    @Column(name = "file_name", nullable = false, length = 100)
    public String fileName;

    @Column(nullable = false)
    public byte[] pdf;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
