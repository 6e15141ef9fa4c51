package io.certdesk.order.orchestration;

import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderCommand;
import io.certdesk.order.order.OrderSteps;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.remote.BindingClient;
import io.certdesk.order.remote.KeystoreClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.keystore.model.Issuance;
import io.certdesk.order.remote.keystore.model.IssuanceRequest;
import io.certdesk.order.remote.keystore.model.IssuanceStatus;
import io.certdesk.order.remote.keystore.model.Issuer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies to the CA (CSR_READY → SUBMITTED): requests an issuance of the order's key from the product's issuer,
 * for the order's server and its master domain. An issuance keystore already has for the key (and that has not
 * failed) is followed instead of asking again.
 */
@ApplicationScoped
class SubmitApplication implements StepRunner {

    private final KeystoreClient keystore;
    private final BindingClient binding;
    private final OrderSteps steps;
    private final SystemMoves moves;

    SubmitApplication(KeystoreClient keystore, BindingClient binding, OrderSteps steps, SystemMoves moves) {
        this.keystore = keystore;
        this.binding = binding;
        this.steps = steps;
        this.moves = moves;
    }

    @Override
    public StepKind kind() {
        return StepKind.SUBMIT_APPLICATION;
    }

    @Override
    public Uni<Outcome> run(StepContext step) {
        CertificateOrder o = step.order();
        return keystore.issuancesOfKey(o.keyId).flatMap(page -> page.getItems().stream()
                        .filter(i -> i.getStatus() != IssuanceStatus.FAILED)
                        // a REISSUE that keeps its key must not follow the issuance of the certificate it replaces
                        .filter(i -> i.getCreatedAt() == null || !i.getCreatedAt().toInstant().isBefore(o.createdAt))
                        .findFirst()
                        .map(i -> Uni.createFrom().item(i))
                        .orElseGet(() -> binding.getServer(o.serverId).flatMap(server -> keystore.requestIssuance(
                                new IssuanceRequest().keyId(o.keyId).issuer(Issuer.fromString(o.issuer.name()))
                                        .serverId(o.serverId).masterDomain(server.getMasterDomain()),
                                step.key("issuance")))))
                .map(issuance -> Outcome.applied(order -> submitted(order, issuance)))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> Outcome.failed((RemoteProblem) e));
    }

    private Uni<Outcome.Decision> submitted(CertificateOrder o, Issuance issuance) {
        o.issuanceId = issuance.getId();
        return moves.take(o, OrderCommand.SUBMIT, "Applied to the " + issuance.getIssuer() + " issuer: issuance "
                        + issuance.getId() + " (" + issuance.getStatus() + ")")
                .flatMap(v -> steps.enqueue(o.id, StepKind.FOLLOW_ISSUANCE, null))
                .replaceWith(Outcome.Decision.done());
    }
}
