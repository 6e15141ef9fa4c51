package io.certdesk.order.notice;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/** Notices waiting to be mailed, and their delivery record. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxNotice> {

    /** Due notices, locked for this transaction, skipping rows another replica is claiming right now. */
    public Uni<List<OutboxNotice>> lockDue(Instant now, int limit) {
        // SKIP LOCKED lets several replicas drain the outbox side by side without waiting on, or mailing twice,
        // what another one holds
        return getSession().flatMap(session -> session.createNativeQuery(
                        "select * from notice_outbox where next_attempt_at <= :now order by next_attempt_at, id "
                                + "limit :limit for update skip locked", OutboxNotice.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<OutboxNotice> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<OutboxNotice>> ofOrder(long orderId) {
        return find("orderId", Sort.by("id"), orderId).list();
    }
}
