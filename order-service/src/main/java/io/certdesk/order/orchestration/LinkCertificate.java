package io.certdesk.order.orchestration;

import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.DeploymentStatus;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderSteps;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.remote.BindingClient;
import io.certdesk.order.remote.RemoteProblem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells binding-service which certificate the order's binding serves, with its fingerprint for the probe; the
 * server's rendered configuration and the deploy agent then install it.
 */
@ApplicationScoped
class LinkCertificate implements StepRunner {

    private final BindingClient binding;
    private final OrderSteps steps;
    private final SystemMoves moves;

    LinkCertificate(BindingClient binding, OrderSteps steps, SystemMoves moves) {
        this.binding = binding;
        this.steps = steps;
        this.moves = moves;
    }

    @Override
    public StepKind kind() {
        return StepKind.LINK_CERTIFICATE;
    }

    @Override
    public Uni<Outcome> run(StepContext step) {
        CertificateOrder o = step.order();
        return binding.link(o.serverId, o.bindingId, o.certificateId, o.certificateFingerprint)
                .map(b -> Outcome.applied(order -> linked(order, b.getId())))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> Outcome.failed((RemoteProblem) e));
    }

    private Uni<Outcome.Decision> linked(CertificateOrder o, String bindingId) {
        Uni<Void> note = moves.note(o, "Certificate " + o.certificateId + " linked to binding " + bindingId
                + "; the server's deploy agent installs it and the probe checks what " + o.httpsUrl + " serves");
        if (o.state != OrderState.ISSUED) {
            // staff confirmed the installation by hand meanwhile: nothing is waiting for the probe
            return note.replaceWith(Outcome.Decision.done());
        }
        o.deploymentStatus = DeploymentStatus.WAITING;
        o.deploymentDetail = "Waiting for the server to serve the certificate";
        return note.flatMap(v -> steps.enqueue(o.id, StepKind.CONFIRM_DEPLOYMENT, null))
                .replaceWith(Outcome.Decision.done());
    }
}
