package io.certdesk.order.orchestration;

import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderCommand;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderTransition;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.product.ValidationLevel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The transitions order-service takes itself when a step proves them, through the same table as every command. */
@ApplicationScoped
class SystemMoves {

    private final OrderWorkflow workflow;

    SystemMoves(OrderWorkflow workflow) {
        this.workflow = workflow;
    }

    /**
     * Moves the order along {@code command} when the table allows it from where the order is now, noting why on the
     * timeline; otherwise (the move was taken already) only the note is written.
     */
    Uni<Void> take(CertificateOrder o, OrderCommand command, String note) {
        return take(o, command, o.validationLevel, note);
    }

    /**
     * As {@link #take(CertificateOrder, OrderCommand, String)} along the track of {@code level}: an OV/EV reissue
     * that reuses its organisation's validation moves as a DV order does (no documents, no call).
     */
    Uni<Void> take(CertificateOrder o, OrderCommand command, ValidationLevel level, String note) {
        return OrderTransition.find(command, level, o.state)
                .map(t -> workflow.apply(o, t, StepLedger.ACTOR, note).replaceWithVoid())
                .orElseGet(() -> note(o, note));
    }

    Uni<Void> note(CertificateOrder o, String note) {
        return workflow.record(o.id, OrderEvent.Kind.STEP, StepLedger.ACTOR, note);
    }
}
