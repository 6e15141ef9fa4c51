package io.certdesk.order.notice;

import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.fee.JapaneseText;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** How every customer notice writes dates, amounts and its signature, in one place. */
@ApplicationScoped
public class NoticeText {

    private final BillingConfig billing;
    private final NoticeConfig.Signature signature;

    public NoticeText(BillingConfig billing, NoticeConfig config) {
        this.billing = billing;
        this.signature = config.signature();
    }

    /** 2026年12月10日 (see {@link JapaneseText}). */
    public static String date(LocalDate date) {
        return JapaneseText.date(date);
    }

    /** 49,000円 (see {@link JapaneseText}). */
    public static String yen(long amount) {
        return JapaneseText.yen(amount);
    }

    /** The company's name as the customer knows it. */
    public String issuer() {
        return billing.issuerName();
    }

    /** The closing line and the signature block under every notice. */
    public String signature() {
        StringBuilder b = new StringBuilder();
        b.append("今後とも").append(billing.issuerName()).append("をよろしくお願い申し上げます。\n\n");
        b.append("――――――――――――――――――――――――\n");
        b.append(billing.issuerName()).append("　").append(signature.department()).append("\n");
        signature.phone().ifPresent(phone -> b.append("電話：").append(phone)
                .append(signature.hours().map(h -> "（受付時間：" + h + "）").orElse("")).append("\n"));
        if (signature.phone().isEmpty()) {
            signature.hours().ifPresent(h -> b.append("受付時間：").append(h).append("\n"));
        }
        signature.email().ifPresent(email -> b.append("メール：").append(email).append("\n"));
        b.append("――――――――――――――――――――――――\n");
        return b.toString();
    }
}
