package io.certdesk.order.orchestration;

import io.certdesk.order.customer.CertificateSubject;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderCommand;
import io.certdesk.order.order.OrderSteps;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.remote.KeystoreClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.keystore.model.CsrRequest;
import io.certdesk.order.remote.keystore.model.Key;
import io.certdesk.order.remote.keystore.model.KeyAlgorithm;
import io.certdesk.order.remote.keystore.model.KeyRequest;
import io.certdesk.order.remote.keystore.model.KeyStatus;
import io.certdesk.order.remote.keystore.model.ValidationLevel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/**
 * Gets the order's key and CSR from keystore-service (APPLYING → CSR_READY): the key with the product's algorithm,
 * the CSR with the order's domain as CN and SAN and, for OV/EV, the customer's organisation as O, L, ST and C. A key
 * keystore already holds for the order is used again, so a retried or repeated step never makes a second one.
 */
@ApplicationScoped
class PrepareCsr implements StepRunner {

    private final KeystoreClient keystore;
    private final OrderSteps steps;
    private final SystemMoves moves;

    PrepareCsr(KeystoreClient keystore, OrderSteps steps, SystemMoves moves) {
        this.keystore = keystore;
        this.steps = steps;
        this.moves = moves;
    }

    @Override
    public StepKind kind() {
        return StepKind.PREPARE_CSR;
    }

    @Override
    public Uni<Outcome> run(StepContext step) {
        CertificateOrder o = step.order();
        CertificateSubject subject = step.subject();
        boolean organisation = o.validationLevel.requiresOrganisationChecks();
        if (organisation && subject == null) {
            return Uni.createFrom().item(Outcome.parked("Customer " + o.customerId + " has no certificate subject; an "
                    + o.validationLevel + " CSR names the organisation (O, L, ST, C): set certificateSubject on the "
                    + "customer, then retry"));
        }
        if (o.keyId != null && o.csrFingerprint != null) {
            // a REISSUE of a product that keeps its key: the term's key and its CSR apply again
            return Uni.createFrom().item(Outcome.applied(order -> moves.take(order, OrderCommand.CSR_READY, "Key "
                            + order.keyId + " kept (the product reuses its key); its CSR applies again (CSR SHA-256 "
                            + order.csrFingerprint + ")")
                    .flatMap(v -> steps.enqueue(order.id, StepKind.SUBMIT_APPLICATION, null))
                    .replaceWith(Outcome.Decision.done())));
        }
        return key(step).flatMap(key -> key.getCsr() != null ? Uni.createFrom().item(key)
                        : keystore.createCsr(key.getId(), csr(o, organisation ? subject : null), step.key("csr")))
                .map(key -> Outcome.applied(order -> prepared(order, key)))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> Outcome.failed((RemoteProblem) e));
    }

    /** The order's active key in keystore (the newest, should a crash have left two), or a new one. */
    private Uni<Key> key(StepContext step) {
        CertificateOrder o = step.order();
        return keystore.keysOfOrder(step.orderId(), KeyStatus.ACTIVE).flatMap(page -> page.getItems().stream()
                .max(Comparator.comparing(Key::getCreatedAt))
                .map(k -> Uni.createFrom().item(k))
                .orElseGet(() -> keystore.generateKey(new KeyRequest().customerId(o.customerId)
                        .label(o.domain + " (order " + o.id + ")").orderId(step.orderId())
                        .algorithm(KeyAlgorithm.fromString(o.keyAlgorithm.name())), step.key("key"))));
    }

    private static CsrRequest csr(CertificateOrder o, CertificateSubject subject) {
        CsrRequest csr = new CsrRequest().validationLevel(ValidationLevel.fromString(o.validationLevel.name()))
                .commonName(o.domain).subjectAlternativeNames(List.of(o.domain));
        if (subject != null) {
            csr.organization(subject.organization()).locality(subject.locality()).state(subject.state())
                    .country(subject.country());
        }
        return csr;
    }

    private Uni<Outcome.Decision> prepared(CertificateOrder o, Key key) {
        o.keyId = key.getId();
        o.csrFingerprint = key.getCsr().getFingerprint();
        return moves.take(o, OrderCommand.CSR_READY, "Key " + key.getId() + " (" + key.getAlgorithm() + ") and CSR "
                        + key.getCsr().getSubject() + " ready in keystore-service (CSR SHA-256 " + o.csrFingerprint + ")")
                .flatMap(v -> steps.enqueue(o.id, StepKind.SUBMIT_APPLICATION, null))
                .replaceWith(Outcome.Decision.done());
    }
}
