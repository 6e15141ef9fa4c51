package io.certdesk.order.invoice;

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

/** A prepaid invoice for one order; its lines and total never change once issued. */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** INV-yyyy-nnnnnn, sequential per year without gaps. */
    @Column(nullable = false)
    public String number;

    @Column(name = "order_id", nullable = false)
    public long orderId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "registration_number", nullable = false)
    public String registrationNumber;

    @Column(name = "issuer_name", nullable = false)
    public String issuerName;

    /** The customer's name as it was when the invoice was issued (printed with 御中). */
    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(name = "total_jpy", nullable = false)
    public long totalJpy;

    /** Applied to the total; never more than it. */
    @Column(name = "paid_jpy", nullable = false)
    public long paidJpy;

    /** Received beyond the total: kept to be refunded or credited by staff, never absorbed. */
    @Column(name = "overpaid_jpy", nullable = false)
    public long overpaidJpy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** The day the customer was reminded that the invoice is overdue (once per invoice). */
    @Column(name = "reminded_on")
    public java.time.LocalDate remindedOn;

    /** Bank transfer fees the customer deducted and the company accepted (振込手数料), booked as fees. */
    @Column(name = "fees_jpy", nullable = false)
    public long feesJpy;

    /** Refunded to the customer or applied to another of its invoices (returned_jpy, V19). */
    @Column(name = "returned_jpy", nullable = false)
    public long returnedJpy;

    /** What the customer still owes: nothing once the order was cancelled. */
    public long balanceJpy() {
        return status.cancelled() ? 0 : totalJpy - paidJpy - feesJpy;
    }

    /**
     * What must still go back to the customer: after a cancellation everything received (applied or not), otherwise
     * the money received beyond the total; less what was already refunded or applied elsewhere.
     */
    public long refundDueJpy() {
        return status.cancelled() ? paidJpy + overpaidJpy - returnedJpy : overpaidJpy - Math.min(overpaidJpy, returnedJpy);
    }

    /** The status once {@link #returnedJpy} changed: nothing left to return ends REFUND_DUE and OVERPAID. */
    public InvoiceStatus statusAfterReturn() {
        if (refundDueJpy() > 0) {
            return status;
        }
        return status == InvoiceStatus.REFUND_DUE ? InvoiceStatus.REFUNDED
                : status == InvoiceStatus.OVERPAID ? InvoiceStatus.PAID : status;
    }
}
