package io.certdesk.order.order;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of an order's timeline. */
@Schema(name = "TimelineEntry")
public record TimelineEntry(
        @Schema(description = "When it happened") Instant occurredAt,
        @Schema(description = "Who did it: a token subject, or the service itself") String actor,
        OrderEvent.Kind kind,
        @Schema(description = "For transitions: the command that moved the order", nullable = true) OrderCommand command,
        @Schema(nullable = true) OrderState fromState,
        @Schema(nullable = true) OrderState toState,
        @Schema(description = "What happened, in Japanese, as the customer reads it") String summary,
        @Schema(nullable = true, description = "Staff's detail (English); not shown to customers") String note) {

    /** The entry as staff read it (with the detail), or as its customer does (the Japanese summary only). */
    public static TimelineEntry of(OrderEvent e, boolean staff) {
        return new TimelineEntry(e.at, e.actor, e.kind, e.command, e.fromState, e.toState, summary(e),
                staff ? e.note : null);
    }

    /** The Japanese line a customer reads for the event. */
    static String summary(OrderEvent e) {
        if (e.kind == OrderEvent.Kind.TRANSITION && e.toState != null) {
            return switch (e.toState) {
                case QUOTED -> "ご注文を承りました";
                case CONTRACTED -> "ご契約を承りました";
                case INVOICED -> "ご請求書を発行しました";
                case PAID -> "ご入金を確認しました";
                case APPLYING -> "申請手続きを開始しました";
                case CSR_READY -> "秘密鍵と証明書署名要求（CSR）を作成しました";
                case SUBMITTED -> "認証局へ申請しました";
                case DOCUMENTS_PENDING -> "審査書類のご提出をお待ちしています";
                case PHONE_VERIFICATION -> "書類の確認が済み、認証局からのお電話による確認に進みました";
                case ISSUED -> "証明書が発行されました";
                case INSTALLED -> "証明書をサーバーに設置しました";
                case CANCELLED -> "ご注文を取り消しました";
            };
        }
        return switch (e.kind) {
            case TRANSITION -> "ご注文の状態が変わりました";
            case NOTICE -> "お知らせをお送りしました";
            case PAYMENT -> "お支払いに関する処理を行いました";
            case DOCUMENT -> "審査書類に関する処理を行いました";
            case PHONE -> "認証局からのお電話に関する手配を行いました";
            case SITE_SEAL -> "サイトシールに関する作業を行いました";
            case SCHEDULE -> "サイト公開予定日を承りました";
            case STEP -> "手続きを進めています";
            case DEPLOYMENT -> "サーバーへの設置状況を確認しました";
        };
    }
}
