package io.certdesk.order.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Money that went back to a customer; see V19__refunds.sql. Never changed once recorded. */
@Entity
@Table(name = "refund")
public class Refund {

    /** Refunded by bank transfer, or applied to another invoice of the same customer. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RefundMethod")
    public enum Method {
        BANK_TRANSFER, APPLIED_TO_INVOICE
    }

    /** The kind of the account a refund went to (預金種目). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BankAccountType")
    public enum AccountType {
        ORDINARY("普通"), CURRENT("当座"), SAVINGS("貯蓄");

        public final String label;

        AccountType(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id", nullable = false)
    public long invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Method method;

    @Column(name = "amount_jpy", nullable = false)
    public long amountJpy;

    /** The part that returns the price of the sale; the rest was money received beyond what was due. */
    @Column(name = "consideration_jpy", nullable = false)
    public long considerationJpy;

    @Column(name = "refund_date", nullable = false)
    public LocalDate refundDate;

    @Column(name = "transfer_fee_jpy", nullable = false)
    public long transferFeeJpy;

    @Column(name = "fee_deducted", nullable = false)
    public boolean feeDeducted;

    @Column(name = "bank_name", length = 60)
    public String bankName;

    @Column(name = "branch_name", length = 60)
    public String branchName;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", length = 8)
    public AccountType accountType;

    @Column(name = "account_number", length = 7)
    public String accountNumber;

    @Column(name = "account_holder", length = 100)
    public String accountHolder;

    @Column(name = "target_invoice_id")
    public Long targetInvoiceId;

    @Column(name = "target_payment_id")
    public Long targetPaymentId;

    /** The refund invoice (返還インボイス) delivered for the price returned; null when only an excess went back. */
    @Column(name = "document_id")
    public Long documentId;

    @Column(length = 500)
    public String note;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;
}
