package io.certdesk.order.payment;

import io.certdesk.order.invoice.InvoiceId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Money received for an invoice. */
@Schema(name = "PaymentRequest")
public record PaymentRequest(
        @NotNull InvoiceId invoiceId,
        @NotNull @Min(1) @Max(1_000_000_000) Long amountJpy,
        @NotNull PaymentMethod method,
        @Size(max = 200) @Schema(description = "Bank transfer name, card authorisation or slip number") String reference,
        @NotNull @PastOrPresent @Schema(examples = "2026-11-27T10:15:00+09:00") OffsetDateTime paidAt,
        @Min(0) @Max(100_000) @Schema(description = "The bank's transfer fee the customer deducted (振込手数料): accepted "
                + "when the amount and the fee settle the balance exactly and the fee is within the configured "
                + "tolerance (certdesk.billing.transfer-fee-tolerance-jpy); 0 when omitted") Long transferFeeJpy) {

    /** The deducted fee, 0 when none was named. */
    public long fee() {
        return transferFeeJpy == null ? 0 : transferFeeJpy;
    }
}
