package io.certdesk.order.notice;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.util.List;

/** Reads the notice outbox the way the application does (Hibernate Reactive on a Vert.x context). */
public final class Outboxes {

    private Outboxes() {
    }

    /** The order's outbox rows, oldest first, as committed right now. */
    public static List<OutboxNotice> of(long orderId) {
        OutboxRepository repository = Arc.container().instance(OutboxRepository.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.ofOrder(orderId)));
        } catch (Throwable e) {
            throw new IllegalStateException("Could not read the outbox of order " + orderId, e);
        }
    }

    /** The order's rows once all of them are sent or given up. */
    /** The order's notices of one kind. */
    public static List<OutboxNotice> of(long orderId, io.certdesk.order.notice.NoticeKind kind) {
        return of(orderId).stream().filter(n -> n.kind == kind).toList();
    }

    public static List<OutboxNotice> settled(long orderId) {
        return io.certdesk.order.Await.until("the outbox of order " + orderId + " to settle", () -> of(orderId),
                rows -> !rows.isEmpty() && rows.stream().allMatch(n -> n.nextAttemptAt == null));
    }
}
