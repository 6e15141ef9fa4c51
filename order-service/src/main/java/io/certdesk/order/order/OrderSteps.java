package io.certdesk.order.order;

import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Times;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The order's pending remote work, decided in the caller's transaction (the one that moves the order): a step
 * written here runs only if that transaction commits, and a step cancelled here never starts again. The
 * orchestration dispatcher claims and runs them.
 */
@ApplicationScoped
public class OrderSteps {

    private final OrderStepRepository steps;
    private final OrderWorkflow workflow;

    public OrderSteps(OrderStepRepository steps, OrderWorkflow workflow) {
        this.steps = steps;
        this.workflow = workflow;
    }

    /** A step due at {@code due} (now when null). */
    public Uni<OrderStep> enqueue(long orderId, StepKind kind, Instant due) {
        Instant now = Times.now();
        OrderStep s = new OrderStep();
        s.orderId = orderId;
        s.kind = kind;
        s.status = StepStatus.PENDING;
        s.nextAttemptAt = due == null || due.isBefore(now) ? now : due;
        s.createdAt = now;
        s.updatedAt = now;
        return steps.persist(s);
    }

    /** A step that cannot run before staff act: parked with {@code reason} from the start. */
    public Uni<OrderStep> enqueueParked(long orderId, StepKind kind, String reason) {
        Instant now = Times.now();
        OrderStep s = new OrderStep();
        s.orderId = orderId;
        s.kind = kind;
        s.status = StepStatus.PARKED;
        s.lastError = reason;
        s.createdAt = now;
        s.updatedAt = now;
        return steps.persist(s);
    }

    /** Makes the order's waiting steps due now (something they wait for may have happened); held ones stay held. */
    public Uni<Void> wake(long orderId) {
        Instant now = Times.now();
        return steps.update("nextAttemptAt = ?1, updatedAt = ?1 where orderId = ?2 and status = ?3 "
                + "and nextAttemptAt > ?1 and (leaseUntil is null or leaseUntil < ?1)", now, orderId, StepStatus.PENDING)
                .replaceWithVoid();
    }

    /**
     * Cancels the order's open steps. Answers when the last of them may still be running somewhere (the end of its
     * lease), so that compensation is scheduled after anything it could have created.
     */
    public Uni<Instant> cancelOpen(long orderId) {
        return cancel(orderId, null);
    }

    /** Cancels the order's open step of {@code kind}, if it has one. */
    public Uni<Void> cancelOpen(long orderId, StepKind kind) {
        return cancel(orderId, kind).replaceWithVoid();
    }

    private Uni<Instant> cancel(long orderId, StepKind only) {
        Instant now = Times.now();
        return steps.openForUpdate(orderId).map(open -> {
            Instant settled = now;
            for (OrderStep s : open) {
                if (only != null && s.kind != only) {
                    continue;
                }
                if (s.leaseUntil != null && s.leaseUntil.isAfter(settled)) {
                    settled = s.leaseUntil;
                }
                s.status = StepStatus.CANCELLED;
                s.nextAttemptAt = null;
                s.leaseUntil = null;
                s.finishedAt = now;
                s.updatedAt = now;
            }
            return settled;
        });
    }

    /** Whether a step of {@code kind} was ever claimed for the order (it may have created something remotely). */
    public Uni<Boolean> everAttempted(long orderId, StepKind kind) {
        return steps.count("orderId = ?1 and kind = ?2 and attempts > 0", orderId, kind).map(n -> n > 0);
    }

    /**
     * Staff resume a parked step, or make a waiting one due now: its failures are forgotten and the timeline says
     * who asked. A step that is done or cancelled cannot be retried (409).
     */
    public Uni<OrderStep> retry(CertificateOrder o, long stepId, String actor, String note) {
        return steps.findForUpdate(stepId).flatMap(s -> {
            if (s == null || s.orderId != o.id) {
                return Uni.createFrom().failure(DomainException.notFound("Step", stepId));
            }
            if (s.status != StepStatus.PARKED && s.status != StepStatus.PENDING) {
                return Uni.createFrom().failure(DomainException.conflict("Step " + stepId + " (" + s.kind + ") is "
                        + s.status + "; only a parked or waiting step can be retried"));
            }
            Instant now = Times.now();
            boolean held = s.leaseUntil != null && s.leaseUntil.isAfter(now);
            String was = s.status == StepStatus.PARKED ? "parked (" + s.lastError + ")" : "waiting";
            s.status = StepStatus.PENDING;
            s.failures = 0;
            s.nextAttemptAt = held ? s.leaseUntil : now;
            s.updatedAt = now;
            return workflow.record(o.id, OrderEvent.Kind.STEP, actor, "Retry of step " + s.kind + ", " + was
                    + (note == null || note.isBlank() ? "" : ": " + note)).replaceWith(s);
        });
    }

    public Uni<List<OrderStep>> ofOrder(long orderId) {
        return steps.ofOrder(orderId);
    }

    /** The open (PENDING or PARKED) step of each order that has one; an order runs one step at a time. */
    public Uni<Map<Long, OrderStep>> openOf(Collection<Long> orderIds) {
        return steps.open(orderIds).map(open -> open.stream()
                .collect(Collectors.toMap(s -> s.orderId, Function.identity(), (first, later) -> later)));
    }
}
