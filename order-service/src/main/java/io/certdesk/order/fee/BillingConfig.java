package io.certdesk.order.fee;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;

/** How the company bills: consumption tax, invoice terms and what is printed on a qualified invoice. */
@ConfigMapping(prefix = "certdesk.billing")
public interface BillingConfig {

    /** Consumption tax rate in percent applied to every fee (all prices are quoted tax included). */
    @WithDefault("10")
    @Min(1)
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
    @RegistrationNumber
    String registrationNumber();

    /**
     * The issuing company's name, printed on invoices and notices. No default: a qualified invoice must name its
     * issuer, so production must set CERTDESK_BILLING_ISSUER_NAME.
     */
    @NotBlank(message = "must name the company that issues the invoices (set CERTDESK_BILLING_ISSUER_NAME)")
    String issuerName();

    /** The issuer's address as printed under its name on invoices, e.g. 〒100-0001 東京都千代田区千代田1-1. */
    java.util.Optional<String> issuerAddress();

    /** The reduced consumption tax rate in percent (軽減税率), marked ※ on invoices. */
    @WithDefault("8")
    @Min(1)
    @Max(100)
    int reducedTaxRatePercent();

    /** The account customers pay into, printed on every invoice. No default: production must set it. */
    Bank bank();

    /** A Japanese bank account as printed on an invoice. */
    interface Bank {
        /** e.g. みずほ銀行 (CERTDESK_BILLING_BANK_NAME). */
        @NotBlank(message = "must name the bank customers pay into (set CERTDESK_BILLING_BANK_NAME)")
        String name();

        /** e.g. 東京営業部（店番号001）. */
        @NotBlank(message = "must name the branch (set CERTDESK_BILLING_BANK_BRANCH)")
        String branch();

        /** 普通 or 当座. */
        @WithDefault("普通")
        @Pattern(regexp = "普通|当座", message = "must be 普通 or 当座")
        String accountType();

        /** The account number, 7 digits. */
        @Pattern(regexp = "[0-9]{7}", message = "must be the 7-digit account number (set CERTDESK_BILLING_BANK_ACCOUNT_NUMBER)")
        String accountNumber();

        /** The account holder as the bank spells it (half- or full-width kana), e.g. サーテイデスク（カ. */
        @NotBlank(message = "must be the account holder's name in kana (set CERTDESK_BILLING_BANK_ACCOUNT_HOLDER)")
        String accountHolder();
    }

    /**
     * The largest bank transfer fee (振込手数料) a customer may deduct from a transfer and still settle the invoice:
     * the fee is then booked on the invoice as a fee, not left as a balance (bank fees are 110 to 880 yen).
     */
    @WithDefault("880")
    @Min(0)
    int transferFeeToleranceJpy();

    /** When overdue invoices are reminded (Quartz-style cron, Asia/Tokyo; business days only): 09:30 daily. */
    @WithDefault("0 30 9 * * ?")
    String reminderCron();

    /** Who bears the bank transfer fee (振込手数料), printed under the account. */
    @WithDefault("お振込手数料は貴社にてご負担くださいますようお願い申し上げます。")
    String transferFeeNote();

    /** Time zone in which business dates (issue and due dates, the invoice year) are counted. */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();
}
