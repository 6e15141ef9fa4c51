package io.certdesk.order.payment;

import io.certdesk.order.invoice.InvoiceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Money received against an invoice. What it did to the invoice (applied, overpaid, balance after) is stored
 * with it, so a retried request is answered exactly as the first time.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id", nullable = false)
    public long invoiceId;

    @Column(name = "amount_jpy", nullable = false)
    public long amountJpy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;

    public String reference;

    @Column(name = "paid_at", nullable = false)
    public Instant paidAt;

    @Column(name = "applied_jpy", nullable = false)
    public long appliedJpy;

    /** The bank's transfer fee the customer deducted from the amount, accepted and booked on the invoice as a fee. */
    @Column(name = "transfer_fee_jpy", nullable = false)
    public long transferFeeJpy;

    @Column(name = "overpayment_jpy", nullable = false)
    public long overpaymentJpy;

    @Column(name = "balance_after_jpy", nullable = false)
    public long balanceAfterJpy;

    @Enumerated(EnumType.STRING)
    @Column(name = "invoice_status", nullable = false)
    public InvoiceStatus invoiceStatus;

    /** The Idempotency-Key the payment was recorded with, as a reference; replays are answered by the platform. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the request's content: the same key with another content is refused. */

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
