package io.certdesk.order.orchestration;

import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.remote.KeystoreClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.keystore.model.Key;
import io.certdesk.order.remote.keystore.model.KeyStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cancelled order: marks the keys keystore-service made for it abandoned (kept and audited, never used or exported
 * again). Keys are found by the order id they carry, so a key made by an attempt whose answer was lost is found too;
 * a key that already has a certificate belongs to the customer and is kept.
 */
@ApplicationScoped
class AbandonKey implements StepRunner {

    private final KeystoreClient keystore;
    private final SystemMoves moves;

    AbandonKey(KeystoreClient keystore, SystemMoves moves) {
        this.keystore = keystore;
        this.moves = moves;
    }

    @Override
    public StepKind kind() {
        return StepKind.ABANDON_KEY;
    }

    @Override
    public Uni<Outcome> run(StepContext step) {
        CertificateOrder o = step.order();
        return keystore.keysOfOrder(step.orderId(), KeyStatus.ACTIVE)
                .flatMap(page -> Multi.createFrom().iterable(page.getItems())
                        .onItem().transformToUniAndConcatenate(k -> abandon(step, k)).collect().asList())
                .map(notes -> Outcome.applied(order -> moves.note(order, notes.isEmpty()
                                ? "No unused key of the order to abandon" : String.join("; ", notes))
                        .replaceWith(Outcome.Decision.done())))
                .onFailure(RemoteProblem.class).recoverWithItem(e -> Outcome.failed((RemoteProblem) e));
    }

    private Uni<String> abandon(StepContext step, Key k) {
        return keystore.abandonKey(k.getId(), "Order " + step.order().id + " was cancelled", step.key("abandon-" + k.getId()))
                .replaceWith("Key " + k.getId() + " abandoned in keystore-service")
                .onFailure(RemoteProblem.class).recoverWithUni(e -> ((RemoteProblem) e).is(409)
                        ? Uni.createFrom().item("Key " + k.getId() + " kept: " + ((RemoteProblem) e).detail())
                        : Uni.createFrom().failure(e));
    }
}
