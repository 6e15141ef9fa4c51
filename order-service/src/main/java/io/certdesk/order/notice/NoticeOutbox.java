package io.certdesk.order.notice;

import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.platform.Backoff;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox of customer notices: {@link #enqueue} joins the business transaction; the other
 * methods are the sender's own short transactions around a delivery attempt, none of them open while mailing.
 */
@ApplicationScoped
public class NoticeOutbox {

    /** A notice claimed for one delivery attempt, detached from any session. */
    public record Claimed(long id, long orderId, String label, String recipient, String subject, String body,
            String requestedBy, int attempt, Long attachmentDocumentId) {
    }

    private final OutboxRepository outbox;
    private final OrderWorkflow workflow;
    private final NoticeConfig.Outbox config;

    public NoticeOutbox(OutboxRepository outbox, OrderWorkflow workflow, NoticeConfig config) {
        this.outbox = outbox;
        this.workflow = workflow;
        this.config = config.outbox();
    }

    /** Queues a rendered notice in the caller's transaction; it is mailed only if that transaction commits. */
    public Uni<OutboxNotice> enqueue(long orderId, NoticeKind kind, String label, String recipient, String subject,
            String body, String requestedBy) {
        return enqueue(orderId, kind, label, recipient, subject, body, requestedBy, null);
    }

    /** As {@link #enqueue(long, NoticeKind, String, String, String, String, String)}, mailing a stored document with it. */
    public Uni<OutboxNotice> enqueue(long orderId, NoticeKind kind, String label, String recipient, String subject,
            String body, String requestedBy, Long attachmentDocumentId) {
        OutboxNotice n = new OutboxNotice();
        n.attachmentDocumentId = attachmentDocumentId;
        n.orderId = orderId;
        n.kind = kind;
        n.label = label;
        n.recipient = recipient;
        n.subject = subject;
        n.body = body;
        n.requestedBy = requestedBy;
        n.createdAt = Times.now();
        n.nextAttemptAt = n.createdAt;
        return outbox.persist(n);
    }

    /** The notices of an order; runs in the caller's session. */
    public PanacheQuery<OutboxNotice> ofOrder(long orderId, Sort sort) {
        return outbox.find("orderId", sort, orderId);
    }

    public Uni<OutboxNotice> find(long id) {
        return outbox.findById(id);
    }

    public Uni<Void> flush() {
        return outbox.flush();
    }

    /**
     * Claims up to {@code limit} due notices: each counts one more attempt and is reserved (leased) long enough
     * for the whole batch to be mailed, so that after this short transaction commits no other replica picks it.
     */
    @WithTransaction
    public Uni<List<Claimed>> claimDue(int limit) {
        Instant now = Times.now();
        // the batch is mailed one after the other, each within the send timeout, then recorded
        Duration lease = config.sendTimeout().multipliedBy(limit + 1L);
        return outbox.lockDue(now, limit).map(due -> due.stream().map(n -> {
            n.attempts++;
            n.nextAttemptAt = now.plus(lease);
            return new Claimed(n.id, n.orderId, n.label, n.recipient, n.subject, n.body, n.requestedBy, n.attempts,
                    n.attachmentDocumentId);
        }).toList());
    }

    /** The mail went out: the notice is done and the timeline says so. */
    @WithTransaction
    public Uni<Void> markSent(Claimed c) {
        return outbox.findForUpdate(c.id()).flatMap(n -> {
            if (n.sentAt != null) {
                return Uni.createFrom().voidItem();
            }
            n.sentAt = Times.now();
            n.gaveUpAt = null;
            n.nextAttemptAt = null;
            return workflow.record(n.orderId, OrderEvent.Kind.NOTICE, n.requestedBy,
                    "Mailed " + n.label + " to " + n.recipient);
        });
    }

    /**
     * The attempt failed: retry after an exponentially growing wait, or give up after the configured number of
     * attempts. Both are written on the timeline (without the server's answer, which customers must not see).
     */
    @WithTransaction
    public Uni<Void> markFailed(Claimed c, Throwable error) {
        return outbox.findForUpdate(c.id()).flatMap(n -> {
            // a later claim (after our lease ran out) owns the row now and reports its own outcome
            if (n.sentAt != null || n.gaveUpAt != null || n.attempts != c.attempt()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Times.now();
            n.lastError = describe(error);
            String note;
            if (n.attempts >= config.maxAttempts()) {
                n.gaveUpAt = now;
                n.nextAttemptAt = null;
                note = "FAILED to mail " + n.label + " to " + n.recipient + " after " + n.attempts
                        + " attempts; follow up by hand";
                Log.errorf("Gave up notice %d (%s) for order %d to %s after %d attempts: %s", n.id, n.label,
                        n.orderId, n.recipient, n.attempts, n.lastError);
            } else {
                n.nextAttemptAt = now.plus(Backoff.after(n.attempts, config.firstRetryDelay(),
                        config.maxRetryDelay()));
                note = "Could not mail " + n.label + " to " + n.recipient + " (attempt " + n.attempts + " of "
                        + config.maxAttempts() + "); retrying after " + n.nextAttemptAt;
                Log.warnf("Notice %d (%s) for order %d to %s failed (attempt %d of %d), retrying after %s: %s",
                        n.id, n.label, n.orderId, n.recipient, n.attempts, config.maxAttempts(), n.nextAttemptAt,
                        n.lastError);
            }
            return workflow.record(n.orderId, OrderEvent.Kind.NOTICE, n.requestedBy, note);
        });
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
