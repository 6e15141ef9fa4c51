package io.certdesk.order.order;

import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Times;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@link OrderTransition}s and writes the timeline. Runs inside the caller's transaction (order
 * commands, payments, documents), always on an order locked with {@link OrderRepository#findForUpdate}.
 */
@ApplicationScoped
public class OrderWorkflow {

    private final OrderRepository orders;
    private final OrderEventRepository events;

    public OrderWorkflow(OrderRepository orders, OrderEventRepository events) {
        this.orders = orders;
        this.events = events;
    }

    /** The order locked for this transaction, if {@code scope} (customer id, null for staff) may see it. */
    public Uni<CertificateOrder> lock(long id, String scope) {
        return orders.findForUpdate(id)
                .map(o -> o == null || (scope != null && !scope.equals(o.customerId)) ? null : o)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Order", id));
    }

    /** The order if {@code scope} may see it, without a lock. */
    public Uni<CertificateOrder> find(long id, String scope) {
        return orders.findById(id)
                .map(o -> o == null || (scope != null && !scope.equals(o.customerId)) ? null : o)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Order", id));
    }

    /**
     * What {@code command} would do: empty when it is the command that produced the current state (a retry, to
     * be answered unchanged), else the transition. An illegal command fails with a 409 naming the state and
     * {@code allowedNow}, the commands the order accepts (as its view shows them).
     */
    public Optional<OrderTransition> plan(CertificateOrder o, OrderCommand command, List<OrderCommand> allowedNow) {
        if (o.lastCommand == command) {
            return Optional.empty();
        }
        return Optional.of(OrderTransition.find(command, o.validationLevel, o.state).orElseThrow(() -> {
            var allowed = allowedNow.stream().map(OrderCommand::name).toList();
            return DomainException.illegalState("Order " + o.id + " (" + o.validationLevel + ") is " + o.state
                    + "; " + command.name() + " is not possible now. Allowed: "
                    + (allowed.isEmpty() ? "none" : String.join(", ", allowed)), allowed);
        }));
    }

    /** Moves the order along {@code t} and records it on the timeline. */
    public Uni<CertificateOrder> apply(CertificateOrder o, OrderTransition t, String actor, String note) {
        OrderEvent e = new OrderEvent();
        e.orderId = o.id;
        e.at = Times.now();
        e.actor = actor;
        e.kind = OrderEvent.Kind.TRANSITION;
        e.command = t.command();
        e.fromState = o.state;
        e.toState = t.to();
        e.note = note;
        o.state = t.to();
        o.lastCommand = t.command();
        o.updatedAt = e.at;
        return events.persist(e).flatMap(saved -> orders.flush()).replaceWith(o);
    }

    /** Records something that happened to the order without moving it. */
    public Uni<Void> record(long orderId, OrderEvent.Kind kind, String actor, String note) {
        OrderEvent e = new OrderEvent();
        e.orderId = orderId;
        e.at = Times.now();
        e.actor = actor;
        e.kind = kind;
        e.note = note;
        return events.persist(e).replaceWithVoid();
    }

}
