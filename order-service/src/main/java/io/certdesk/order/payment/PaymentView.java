package io.certdesk.order.payment;

import io.certdesk.order.invoice.InvoiceId;
import io.certdesk.order.invoice.InvoiceStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded payment and what it did to its invoice. */
@Schema(name = "Payment")
public record PaymentView(
        PaymentId id,
        InvoiceId invoiceId,
        long amountJpy,
        PaymentMethod method,
        @Schema(nullable = true) String reference,
        Instant paidAt,
        @Schema(description = "Part of the amount applied to the invoice") long appliedJpy,
        @Schema(description = "The bank's transfer fee the customer deducted, accepted and booked as a fee (振込手数料)")
        long transferFeeJpy,
        @Schema(description = "Part of the amount beyond what was due; kept for refund or credit") long overpaymentJpy,
        @Schema(description = "True when this payment overpaid the invoice; staff must settle the excess")
        boolean overpaymentFlagged,
        @Schema(description = "What remained due on the invoice after this payment") long balanceAfterJpy,
        @Schema(description = "The invoice's status after this payment") InvoiceStatus invoiceStatus,
        Instant recordedAt,
        String recordedBy) {

    static PaymentView of(Payment p) {
        return new PaymentView(PaymentId.of(p.id), InvoiceId.of(p.invoiceId), p.amountJpy, p.method, p.reference, p.paidAt, p.appliedJpy,
                p.transferFeeJpy, p.overpaymentJpy, p.overpaymentJpy > 0, p.balanceAfterJpy, p.invoiceStatus, p.recordedAt, p.recordedBy);
    }
}
