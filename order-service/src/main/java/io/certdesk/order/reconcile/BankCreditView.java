package io.certdesk.order.reconcile;

import io.certdesk.order.platform.BankCreditId;
import io.certdesk.order.platform.BankStatementId;
import io.certdesk.order.invoice.InvoiceId;
import io.certdesk.order.payment.PaymentId;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit of an imported bank statement and what became of it. */
@Schema(name = "BankCredit")
public record BankCreditView(
        BankCreditId id,
        BankStatementId statementId,
        @Schema(description = "The day the bank credited it (Asia/Tokyo)") LocalDate valueDate,
        long amountJpy,
        @Schema(description = "The transfer name (振込名義) as the bank printed it") String payerName,
        @Schema(nullable = true, description = "The bank's reference (照会番号)") String reference,
        @Schema(description = "MATCHED: booked as a payment; REVIEW: waits for accounting; IGNORED: dismissed")
        BankCredit.Status status,
        @Schema(nullable = true) InvoiceId invoiceId,
        @Schema(nullable = true) PaymentId paymentId,
        @Schema(description = "The transfer fee the customer deducted, booked as a fee") long transferFeeJpy,
        @Schema(description = "How it was matched, or why it needs a person") String reason,
        @Schema(nullable = true) String decidedBy,
        @Schema(nullable = true) Instant decidedAt,
        Instant createdAt) {

    static BankCreditView of(BankCredit c) {
        return new BankCreditView(BankCreditId.of(c.id), BankStatementId.of(c.statementId), c.valueDate, c.amountJpy,
                c.payerName, c.reference, c.status, c.invoiceId == null ? null : InvoiceId.of(c.invoiceId),
                c.paymentId == null ? null : PaymentId.of(c.paymentId), c.transferFeeJpy, c.reason, c.decidedBy,
                c.decidedAt, c.createdAt);
    }
}
