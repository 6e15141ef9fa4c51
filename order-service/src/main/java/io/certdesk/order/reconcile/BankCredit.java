package io.certdesk.order.reconcile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One credit of an imported statement, and what became of it; see V15__bank_reconciliation.sql. */
@Entity
@Table(name = "bank_credit")
public class BankCredit {

    /** MATCHED: booked as a payment; REVIEW: waits for accounting; IGNORED: not a customer's payment. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BankCreditStatus")
    public enum Status {
        MATCHED, REVIEW, IGNORED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "statement_id", nullable = false)
    public long statementId;

    @Column(name = "line_key", nullable = false, length = 64)
    public String lineKey;

    @Column(name = "value_date", nullable = false)
    public LocalDate valueDate;

    @Column(name = "amount_jpy", nullable = false)
    public long amountJpy;

    @Column(name = "payer_name", nullable = false, length = 200)
    public String payerName;

    @Column(name = "payer_key", nullable = false, length = 200)
    public String payerKey;

    @Column(length = 100)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Status status;

    @Column(name = "invoice_id")
    public Long invoiceId;

    @Column(name = "payment_id")
    public Long paymentId;

    @Column(name = "transfer_fee_jpy", nullable = false)
    public long transferFeeJpy;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "decided_by", length = 200)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
