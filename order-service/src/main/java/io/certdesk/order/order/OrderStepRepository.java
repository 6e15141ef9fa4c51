package io.certdesk.order.order;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The orchestration steps of orders. */
@ApplicationScoped
public class OrderStepRepository implements PanacheRepository<OrderStep> {

    /** The step due first, locked for this transaction, skipping steps another replica is claiming right now. */
    public Uni<OrderStep> lockNextDue(Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery(
                        "select * from orchestration_step where status = 'PENDING' and next_attempt_at <= :now "
                                + "order by next_attempt_at, id limit 1 for update skip locked", OrderStep.class)
                .setParameter("now", now)
                .getResultList())
                .map(due -> due.isEmpty() ? null : due.get(0));
    }

    public Uni<OrderStep> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<OrderStep>> ofOrder(long orderId) {
        return find("orderId", Sort.by("id"), orderId).list();
    }

    /** The order's PENDING and PARKED steps, locked until the transaction ends (a claim of one waits meanwhile). */
    public Uni<List<OrderStep>> openForUpdate(long orderId) {
        // A step this session read earlier (the order's view shows its current step) is returned as it was read, not
        // as it is now that the row is locked: the dispatcher may have claimed it in between. Refreshing under the
        // lock makes the changes that follow apply to the row as it stands, instead of failing as a stale version.
        return find("orderId = ?1 and status in ?2", Sort.by("id"), orderId,
                List.of(StepStatus.PENDING, StepStatus.PARKED)).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .call(steps -> steps.isEmpty() ? Uni.createFrom().voidItem()
                        : getSession().flatMap(session -> session.refreshAll(steps.toArray())));
    }

    /** The PENDING and PARKED steps of these orders. */
    public Uni<List<OrderStep>> open(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("orderId in ?1 and status in ?2", Sort.by("id"), orderIds,
                List.of(StepStatus.PENDING, StepStatus.PARKED)).list();
    }
}
