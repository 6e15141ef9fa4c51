package io.certdesk.order.invoice;

import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A qualified invoice (適格請求書) as the API shows it: lines, totals and contained tax per rate. */
@Schema(name = "Invoice")
public record InvoiceView(
        InvoiceId id,
        String number,
        OrderId orderId,
        CustomerId customerId,
        @Schema(description = "The customer's name as it was when the invoice was issued (a later rename never changes it)")
        String recipientName,
        String issuerName,
        @Schema(description = "Qualified-invoice issuer registration number (T + 13 digits)") String registrationNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        List<Line> lines,
        @Schema(description = "Per tax rate: the tax-included total and the tax it contains, rounded down once per rate")
        List<TaxBreakdown> taxes,
        long totalJpy,
        long containedTaxJpy,
        long paidJpy,
        @Schema(description = "Bank transfer fees the customer deducted and the company accepted (振込手数料)")
        long transferFeesJpy,
        long balanceJpy,
        @Schema(description = "Money received beyond the total, to be refunded or credited; never absorbed")
        long overpaymentJpy,
        @Schema(description = "Still to go back to the customer: after a cancellation everything received (paid and "
                + "overpaid), otherwise the overpayment; less what was refunded or applied to another invoice")
        long refundDueJpy,
        @Schema(description = "Refunded to the customer or applied to another of its invoices") long returnedJpy,
        InvoiceStatus status,
        Instant createdAt) {

    /** One invoice line. */
    @Schema(name = "InvoiceLine")
    public record Line(int position, LineKind kind, String description, long amountJpy, int taxRatePercent,
            TaxCategory taxCategory) {
    }

    /** The total and contained tax of the lines of one category (rate). */
    @Schema(name = "TaxBreakdown")
    public record TaxBreakdown(TaxCategory taxCategory, int taxRatePercent, long totalJpy, long containedTaxJpy) {
    }

    /** The stored lines as the API and the documents show them. */
    static List<Line> lines(List<InvoiceLine> lines) {
        return lines.stream()
                .map(l -> new Line(l.position, l.kind, l.description, l.amountJpy, l.taxRatePercent, l.taxCategory)).toList();
    }

    static InvoiceView of(Invoice i, List<InvoiceLine> lines) {
        List<Line> shown = lines(lines);
        List<TaxBreakdown> taxes = InvoiceMath.breakdown(shown);
        long tax = taxes.stream().mapToLong(TaxBreakdown::containedTaxJpy).sum();
        return new InvoiceView(InvoiceId.of(i.id), i.number, OrderId.of(i.orderId), new CustomerId(i.customerId), i.recipientName, i.issuerName, i.registrationNumber,
                i.issueDate, i.dueDate, shown, taxes, i.totalJpy, tax, i.paidJpy, i.feesJpy, i.balanceJpy(), i.overpaidJpy,
                i.refundDueJpy(), i.returnedJpy, i.status, i.createdAt);
    }
}
