package io.certdesk.order.renewal;

import io.certdesk.order.notice.NoticeText;
import java.time.LocalDate;

/** The renewal notices a customer reads, in business Japanese. */
final class RenewalMails {

    private RenewalMails() {
    }

    /** What the mail says about one term: its customer, product, end, and the drafted quote. */
    record Facts(String issuer, String signature, String organisation, String domain, String productName, LocalDate endsOn, long quoteId,
            long applicationFeeJpy, long setupFeeJpy, long totalJpy, int taxRatePercent, long containedTaxJpy) {
    }

    /** A subject and a body. */
    record Mail(String subject, String body) {
    }

    static Mail render(Facts f, LocalDate today) {
        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, f.endsOn());
        boolean ended = daysLeft < 0;
        String subject = ended
                ? "【" + f.issuer() + "】SSLサーバー証明書のご契約期間満了のお知らせ（" + f.domain() + "）"
                : "【" + f.issuer() + "】SSLサーバー証明書の更新のご案内（" + f.domain() + "、" + NoticeText.date(f.endsOn()) + "満了）";
        StringBuilder b = new StringBuilder();
        b.append(f.organisation()).append("\nご担当者様\n\n");
        b.append("いつもお世話になっております。").append(f.issuer()).append("でございます。\n");
        if (ended) {
            b.append("下記のSSLサーバー証明書のご契約期間は、").append(NoticeText.date(f.endsOn()))
                    .append("をもって満了いたしました。\n");
        } else {
            b.append("下記のSSLサーバー証明書のご契約期間が、").append(NoticeText.date(f.endsOn()))
                    .append("に満了いたします（残り").append(daysLeft == 0 ? "本日まで" : daysLeft + "日").append("）。\n");
        }
        b.append("\n");
        b.append("　ドメイン名　　　：").append(f.domain()).append("\n");
        b.append("　証明書の種類　　：").append(f.productName()).append("\n");
        b.append("　契約満了日　　　：").append(NoticeText.date(f.endsOn())).append("\n\n");
        b.append(ended ? "引き続きご利用いただく場合は、下記のお見積りにて更新のお手続きをお願いいたします。\n"
                : "継続してご利用いただく場合は、更新のお手続きをお願いいたします。更新のお見積りは次のとおりです。\n");
        b.append("\n");
        b.append("　お見積り番号　　：").append(f.quoteId()).append("\n");
        b.append("　CA申請料　　　　：").append(NoticeText.yen(f.applicationFeeJpy())).append("（税込）\n");
        b.append("　設定作業及び申請代行手数料：").append(NoticeText.yen(f.setupFeeJpy())).append("（税込）\n");
        b.append("　合計　　　　　　：").append(NoticeText.yen(f.totalJpy())).append("（税込、うち消費税等")
                .append(NoticeText.yen(f.containedTaxJpy())).append("・").append(f.taxRatePercent()).append("%対象）\n\n");
        b.append("お見積りをご承認いただくと更新のご注文となり、ご請求書をお送りいたします。")
                .append("ご入金を確認いたしましたのち、新しい証明書の申請を行います。\n");
        if (!ended) {
            b.append("新しいご契約期間は現在のご契約期間の満了日の翌日から始まりますので、")
                    .append("お早めにお手続きいただいても、ご利用いただける期間が短くなることはございません。\n");
            b.append("\n期限までに更新されない場合、証明書の有効期限が切れ、Webサイトをご覧になる方のブラウザに")
                    .append("警告が表示されるようになります。\n");
        } else {
            b.append("\n更新されるまでの間、証明書の有効期限が切れている場合は、Webサイトをご覧になる方のブラウザに")
                    .append("警告が表示されます。ご利用を終了される場合は、本メールは破棄していただいて差し支えございません。\n");
        }
        b.append("\nご不明な点がございましたら、お気軽にお問い合わせください。\n\n").append(f.signature());
        return new Mail(subject, b.toString());
    }
}
