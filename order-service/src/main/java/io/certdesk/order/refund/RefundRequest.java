package io.certdesk.order.refund;

import io.certdesk.order.invoice.InvoiceId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Money that goes back to the customer from an invoice that holds more than is due (OVERPAID) or whose order was
 * cancelled after money arrived (REFUND_DUE): refunded by bank transfer to {@code account}, or applied to another
 * open invoice of the same customer ({@code targetInvoiceId}).
 */
@Schema(name = "RefundRequest")
public record RefundRequest(
        @NotNull @Schema(description = "The invoice the money goes back from") InvoiceId invoiceId,
        @NotNull Refund.Method method,
        @NotNull @Min(1) @Max(1_000_000_000) Long amountJpy,
        @Schema(description = "BANK_TRANSFER: the day the transfer was made (Asia/Tokyo; today or earlier). "
                + "APPLIED_TO_INVOICE: today when omitted") LocalDate refundDate,
        @Valid @Schema(description = "BANK_TRANSFER only: the account the money went to") Account account,
        @Min(0) @Max(10_000) @Schema(description = "BANK_TRANSFER only: the bank's fee for the transfer (振込手数料); 0 "
                + "when omitted") Long transferFeeJpy,
        @Schema(description = "BANK_TRANSFER only: true when the fee was deducted from the amount (the customer "
                + "received amountJpy - transferFeeJpy), false when the company bore it") Boolean feeDeducted,
        @Schema(description = "APPLIED_TO_INVOICE only: the open invoice of the same customer the money pays")
        InvoiceId targetInvoiceId,
        @Size(max = 500) @Schema(description = "Why, for the records (staff only)") String note) {

    /** The customer's account a refund went to, as a Japanese bank names it. */
    @Schema(name = "RefundAccount")
    public record Account(
            @NotBlank @Size(max = 60) @Schema(examples = "みずほ銀行") String bankName,
            @NotBlank @Size(max = 60) @Schema(examples = "渋谷支店") String branchName,
            @NotNull Refund.AccountType accountType,
            @NotNull @Pattern(regexp = "[0-9]{7}", message = "must be the 7 digits of the account number")
            @Schema(examples = "1234567") String accountNumber,
            @NotBlank @Size(max = 100) @Schema(description = "The account holder in katakana (口座名義); half-width kana, "
                    + "hiragana and full-width letters are accepted and stored in full-width katakana",
                    examples = "カ）サンプル") String accountHolder) {
    }

    public long fee() {
        return transferFeeJpy == null ? 0 : transferFeeJpy;
    }

    public boolean deducted() {
        return Boolean.TRUE.equals(feeDeducted);
    }
}
