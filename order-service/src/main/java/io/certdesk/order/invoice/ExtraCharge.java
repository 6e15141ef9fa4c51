package io.certdesk.order.invoice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Another prepaid charge of the customer billed on the same invoice (e.g. server fees). */
@Schema(name = "ExtraCharge")
public record ExtraCharge(
        @NotBlank @Size(max = 200) @Schema(examples = "専用サーバー利用料 2026年12月分") String description,
        @NotNull @Min(1) @Max(100_000_000) @Schema(description = "Tax included") Long amountJpy,
        @Schema(description = "STANDARD (10%) when omitted; REDUCED (8%, ※軽減税率対象) or NON_TAXABLE (非課税); no "
                + "other rates") TaxCategory taxCategory) {

    /** The category asked for, STANDARD by default. */
    public TaxCategory category() {
        return taxCategory == null ? TaxCategory.STANDARD : taxCategory;
    }
}
