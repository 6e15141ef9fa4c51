package io.certdesk.order.notice;

import io.certdesk.order.platform.OrderId;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notice to the customer as it stands in the outbox: queued, sent, or given up after its retries. */
@Schema(name = "Notice")
public record NoticeView(
        NoticeId id,
        OrderId orderId,
        NoticeKind kind,
        NoticeStatus status,
        String recipient,
        String subject,
        @Schema(description = "The mail's text as the customer receives it") String body,
        Instant queuedAt,
        int attempts,
        @Schema(description = "When the next attempt is due; null once sent or given up", nullable = true)
        Instant nextAttemptAt,
        @Schema(nullable = true) Instant sentAt,
        @Schema(nullable = true) Instant gaveUpAt,
        @Schema(description = "The mail server's last answer (staff only; null for customers)", nullable = true)
        String lastError) {

    /** Where a notice is on its way to the customer. */
    @Schema(name = "NoticeStatus")
    public enum NoticeStatus { QUEUED, SENT, GAVE_UP }

    static NoticeView of(OutboxNotice n, boolean staff) {
        NoticeStatus status = n.sentAt != null ? NoticeStatus.SENT : n.gaveUpAt != null ? NoticeStatus.GAVE_UP
                : NoticeStatus.QUEUED;
        return new NoticeView(NoticeId.of(n.id), OrderId.of(n.orderId), n.kind, status, n.recipient, n.subject, n.body,
                n.createdAt, n.attempts, n.nextAttemptAt, n.sentAt, n.gaveUpAt, staff ? n.lastError : null);
    }
}
