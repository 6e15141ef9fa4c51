package io.certdesk.order.orchestration;

import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderSteps;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.remote.BindingClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.binding.model.Binding;
import io.certdesk.order.remote.binding.model.BindingRequest;
import io.certdesk.order.remote.binding.model.BindingStrategy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the order's domain on its server with the order's strategy (binding-service), before the CA is asked: the
 * customer can point DNS at it and an ACME CA finds the HTTP challenge there. A domain the server already serves
 * keeps its binding; a domain another customer's server serves parks the step.
 */
@ApplicationScoped
class PlaceDomain implements StepRunner {

    private final BindingClient binding;
    private final OrderSteps steps;
    private final SystemMoves moves;

    PlaceDomain(BindingClient binding, OrderSteps steps, SystemMoves moves) {
        this.binding = binding;
        this.steps = steps;
        this.moves = moves;
    }

    @Override
    public StepKind kind() {
        return StepKind.PLACE_DOMAIN;
    }

    @Override
    public Uni<Outcome> run(StepContext step) {
        CertificateOrder o = step.order();
        return otherCustomersServer(o).flatMap(refusal -> {
            if (refusal != null) {
                return Uni.createFrom().item(Outcome.parked(refusal));
            }
            BindingRequest request = new BindingRequest().domain(o.domain)
                    .strategy(BindingStrategy.fromString(o.bindingStrategy.name())).orderId(step.orderId());
            return binding.bind(o.serverId, request, step.key("bind"))
                    .map(result -> Outcome.applied(order -> placed(order, result.getBinding(), result.getWarnings())))
                    .onFailure(RemoteProblem.class).recoverWithUni(e -> already(o, (RemoteProblem) e));
        }).onFailure(RemoteProblem.class).recoverWithItem(e -> Outcome.failed((RemoteProblem) e));
    }

    /** Why the domain cannot be placed for this customer, or null. */
    private Uni<String> otherCustomersServer(CertificateOrder o) {
        return binding.bindingsOf(o.domain, null).flatMap(page -> {
            List<String> others = page.getItems().stream().map(Binding::getServerId)
                    .filter(id -> !id.equals(o.serverId)).distinct().toList();
            return Multi.createFrom().iterable(others).onItem().transformToUniAndConcatenate(binding::getServer)
                    .filter(s -> !o.customerId.equals(s.getCustomerId()))
                    .collect().first()
                    .map(s -> s == null ? null : o.domain + " is bound on server " + s.getId()
                            + " of another customer; it cannot be placed for " + o.customerId
                            + " until that binding is removed");
        });
    }

    /** A 409 because the domain is already bound on the server: that binding is used as it is. */
    private Uni<Outcome> already(CertificateOrder o, RemoteProblem refusal) {
        if (!refusal.is(409)) {
            return Uni.createFrom().item(Outcome.failed(refusal));
        }
        return binding.bindingsOf(o.domain, o.serverId).map(page -> {
            if (page.getItems().isEmpty()) {
                return Outcome.failed(refusal);
            }
            Binding b = page.getItems().get(0);
            List<String> warnings = new ArrayList<>();
            if (!b.getStrategy().name().equals(o.bindingStrategy.name())) {
                warnings.add(o.domain + " already had binding " + b.getId() + " (" + b.getStrategy() + " on " + b.getIp()
                        + ":" + b.getPort() + "); it is used as it is instead of " + o.bindingStrategy + ".");
            }
            return Outcome.applied(order -> placed(order, b, warnings));
        });
    }

    private Uni<Outcome.Decision> placed(CertificateOrder o, Binding b, List<String> warnings) {
        boolean ours = Long.toString(o.id).equals(b.getOrderId());
        o.bindingId = b.getId();
        o.bindingCreated = ours;
        o.httpsUrl = b.getHttpsUrl();
        o.bindingWarnings = warnings.isEmpty() ? null : String.join("\n", warnings);
        String note = (ours ? "Domain placed on server " : "Domain already bound on server ") + o.serverId + " ("
                + b.getStrategy() + " on " + b.getIp() + ":" + b.getPort() + ", binding " + b.getId() + "): "
                + b.getHttpsUrl();
        return moves.note(o, note).flatMap(v -> steps.enqueue(o.id, StepKind.PREPARE_CSR, null))
                .replaceWith(Outcome.Decision.done());
    }
}
