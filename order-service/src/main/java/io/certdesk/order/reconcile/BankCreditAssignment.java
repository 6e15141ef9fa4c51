package io.certdesk.order.reconcile;

import io.certdesk.order.invoice.InvoiceId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The invoice a credit in review pays, and the transfer fee its payer deducted. */
@Schema(name = "BankCreditAssignment")
public record BankCreditAssignment(
        @NotNull InvoiceId invoiceId,
        @Min(0) @Max(100_000) @Schema(description = "The transfer fee the customer deducted (accepted within the "
                + "configured tolerance when amount and fee settle the balance exactly); 0 when omitted")
        Long transferFeeJpy) {
}
