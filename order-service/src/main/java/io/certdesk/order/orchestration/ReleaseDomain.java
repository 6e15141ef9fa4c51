package io.certdesk.order.orchestration;

import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.remote.BindingClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.binding.model.Binding;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Cancelled order: removes the bindings binding-service made for it (found by the order id they carry, so a binding
 * made by an attempt whose answer was lost is found too). A binding that already serves a certificate, or one the
 * domain had before the order, is left alone.
 */
@ApplicationScoped
class ReleaseDomain implements StepRunner {

    private final BindingClient binding;
    private final SystemMoves moves;

    ReleaseDomain(BindingClient binding, SystemMoves moves) {
        this.binding = binding;
        this.moves = moves;
    }

    @Override
    public StepKind kind() {
        return StepKind.RELEASE_DOMAIN;
    }

    @Override
    public Uni<Outcome> run(StepContext step) {
        CertificateOrder o = step.order();
        return binding.bindingsOf(o.domain, o.serverId).flatMap(page -> {
            List<Binding> made = page.getItems().stream().filter(b -> step.orderId().equals(b.getOrderId())).toList();
            return Multi.createFrom().iterable(made).onItem().transformToUniAndConcatenate(b -> release(o, b))
                    .collect().asList()
                    .map(notes -> Outcome.applied(order -> {
                        order.bindingId = null;
                        order.bindingCreated = false;
                        return moves.note(order, notes.isEmpty() ? "No binding was made for the order; nothing to release"
                                : String.join("; ", notes)).replaceWith(Outcome.Decision.done());
                    }));
        }).onFailure(RemoteProblem.class).recoverWithItem(e -> Outcome.failed((RemoteProblem) e));
    }

    private Uni<String> release(CertificateOrder o, Binding b) {
        if (b.getCertificateId() != null) {
            return Uni.createFrom().item("Binding " + b.getId() + " kept: it serves certificate " + b.getCertificateId());
        }
        return binding.unbind(o.serverId, b.getId())
                .replaceWith("Binding " + b.getId() + " (" + b.getStrategy() + " on " + b.getIp() + ":" + b.getPort()
                        + ") released")
                .onFailure(RemoteProblem.class).recoverWithUni(e -> ((RemoteProblem) e).is(404)
                        ? Uni.createFrom().item("Binding " + b.getId() + " was already gone")
                        : Uni.createFrom().failure(e));
    }
}
