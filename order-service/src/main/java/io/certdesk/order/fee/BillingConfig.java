package io.certdesk.order.fee;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;

/** How the company bills: consumption tax, invoice terms and what is printed on a qualified invoice. */
@ConfigMapping(prefix = "certdesk.billing")
public interface BillingConfig {

    /** Consumption tax rate in percent applied to every fee (all prices are quoted tax included). */
    @WithDefault("10")
    @Min(0)
    @Max(100)
    int taxRatePercent();

    /** Days between an invoice's issue date and its due date. */
    @WithDefault("14")
    @Min(0)
    int invoiceDueDays();

    /**
     * The company's qualified-invoice issuer registration number (適格請求書発行事業者登録番号), T + 13 digits.
     * No default: it is printed on every invoice, so production must set CERTDESK_BILLING_REGISTRATION_NUMBER.
     */
    @Pattern(regexp = "T[0-9]{13}", message = "must be the qualified-invoice issuer registration number, 'T' followed "
            + "by 13 digits (set CERTDESK_BILLING_REGISTRATION_NUMBER)")
    String registrationNumber();

    /** The issuing company's name, printed on invoices and notices. */
    @WithDefault("certdesk株式会社")
    String issuerName();

    /** Time zone in which business dates (issue and due dates, the invoice year) are counted. */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();
}
