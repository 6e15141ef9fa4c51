package io.certdesk.order.invoice;

import io.certdesk.order.fee.BillingConfig;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How consumption tax applies to an invoice line; a qualified invoice prints its totals per category. */
@Schema(name = "TaxCategory", description = "STANDARD: the standard rate (10%); REDUCED: the reduced rate (8%), marked "
        + "※軽減税率対象 on the invoice; NON_TAXABLE: 非課税, no consumption tax")
public enum TaxCategory {
    STANDARD, REDUCED, NON_TAXABLE;

    /** The rate in percent this category charges under the configured rates. */
    public int rate(BillingConfig billing) {
        return switch (this) {
            case STANDARD -> billing.taxRatePercent();
            case REDUCED -> billing.reducedTaxRatePercent();
            case NON_TAXABLE -> 0;
        };
    }
}
