package io.certdesk.order.refund;

import io.certdesk.order.invoice.InvoiceDocumentId;
import io.certdesk.order.invoice.InvoiceId;
import io.certdesk.order.payment.PaymentId;
import io.certdesk.order.platform.RefundId;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Money that went back to a customer. */
@Schema(name = "Refund")
public record RefundView(
        RefundId id,
        @Schema(description = "The invoice the money went back from") InvoiceId invoiceId,
        Refund.Method method,
        long amountJpy,
        @Schema(description = "The part that returned the price of the sale (a refund invoice, 返還インボイス, was "
                + "issued for it); the rest was money received beyond what was due") long considerationJpy,
        LocalDate refundDate,
        long transferFeeJpy,
        boolean feeDeducted,
        @Schema(description = "What reached the customer's account (BANK_TRANSFER) or paid the target invoice")
        long receivedJpy,
        @Schema(nullable = true) RefundRequest.Account account,
        @Schema(nullable = true) InvoiceId targetInvoiceId,
        @Schema(nullable = true, description = "The payment recorded on the target invoice") PaymentId targetPaymentId,
        @Schema(nullable = true, description = "The refund invoice: GET /invoices/{invoiceId}/documents/{invoiceDocumentId}")
        InvoiceDocumentId documentId,
        @Schema(nullable = true, description = "Staff only") String note,
        Instant recordedAt,
        String recordedBy) {

    static RefundView of(Refund r, boolean staff) {
        RefundRequest.Account account = r.accountNumber == null ? null : new RefundRequest.Account(r.bankName,
                r.branchName, r.accountType, r.accountNumber, r.accountHolder);
        return new RefundView(RefundId.of(r.id), InvoiceId.of(r.invoiceId), r.method, r.amountJpy, r.considerationJpy,
                r.refundDate, r.transferFeeJpy, r.feeDeducted, r.feeDeducted ? r.amountJpy - r.transferFeeJpy : r.amountJpy,
                account, r.targetInvoiceId == null ? null : InvoiceId.of(r.targetInvoiceId),
                r.targetPaymentId == null ? null : PaymentId.of(r.targetPaymentId),
                r.documentId == null ? null : InvoiceDocumentId.of(r.documentId), staff ? r.note : null, r.recordedAt,
                r.recordedBy);
    }
}
