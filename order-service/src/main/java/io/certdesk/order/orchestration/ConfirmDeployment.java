package io.certdesk.order.orchestration;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.notice.ProcessNotices;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.renewal.Reissues;
import io.certdesk.order.order.DeploymentStatus;
import io.certdesk.order.order.OrderCommand;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.platform.Backoff;
import io.certdesk.order.platform.Times;
import io.certdesk.order.remote.BindingClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.binding.model.BindingProbe;
import io.certdesk.order.remote.binding.model.ProbeStatus;
import io.certdesk.order.siteseal.SiteSealService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Proves the installation (ISSUED → INSTALLED): binding-service's probe opens a TLS connection to the binding's
 * IP:port with the domain as SNI and compares the certificate served with the linked one. Until it matches the order
 * waits (deployment WAITING, with what the probe found) and probes again with a growing wait; this step never parks
 * on a mismatch, only staff's override ends the wait otherwise.
 */
@ApplicationScoped
class ConfirmDeployment implements StepRunner {

    private final BindingClient binding;
    private final SystemMoves moves;
    private final SiteSealService siteSeals;
    private final OrchestrationConfig config;

    private final Reissues reissues;
    private final ProcessNotices notices;

    ConfirmDeployment(BindingClient binding, SystemMoves moves, SiteSealService siteSeals, OrchestrationConfig config,
            Reissues reissues, ProcessNotices notices) {
        this.reissues = reissues;
        this.notices = notices;
        this.binding = binding;
        this.moves = moves;
        this.siteSeals = siteSeals;
        this.config = config;
    }

    @Override
    public StepKind kind() {
        return StepKind.CONFIRM_DEPLOYMENT;
    }

    @Override
    public Uni<Outcome> run(StepContext step) {
        CertificateOrder o = step.order();
        return binding.probe(o.serverId, o.bindingId)
                .map(b -> Outcome.applied(order -> probed(order, b.getProbe(), step.attempt())))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> Outcome.failed((RemoteProblem) e));
    }

    private Uni<Outcome.Decision> probed(CertificateOrder o, BindingProbe probe, int attempt) {
        o.deploymentCheckedAt = probe.getCheckedAt() == null ? Times.now() : probe.getCheckedAt().toInstant();
        if (o.state != OrderState.ISSUED) {
            return Outcome.Decision.doneNow();
        }
        if (probe.getStatus() == ProbeStatus.SERVED) {
            o.deploymentStatus = DeploymentStatus.SERVED;
            o.deploymentDetail = null;
            return moves.take(o, OrderCommand.INSTALL, o.httpsUrl + " serves certificate " + o.certificateId
                            + " (SHA-256 " + o.certificateFingerprint + ")")
                    .flatMap(v -> o.orderType == OrderType.REISSUE ? reissues.installed(o, StepLedger.ACTOR)
                            : siteSeals.open(o.id, StepLedger.ACTOR)
                                    .flatMap(s -> notices.installed(o, StepLedger.ACTOR)))
                    .replaceWith(Outcome.Decision.done());
        }
        o.deploymentStatus = DeploymentStatus.WAITING;
        o.deploymentDetail = clip(probe.getStatus() + (probe.getDetail() == null ? "" : ": " + probe.getDetail()));
        return Uni.createFrom().item(Outcome.Decision.waitFor(
                Backoff.after(attempt, config.firstProbeDelay(), config.maxProbeDelay()), null));
    }

    private static String clip(String text) {
        return text.length() <= 600 ? text : text.substring(0, 599) + "…";
    }
}
