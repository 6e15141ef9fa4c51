package io.certdesk.order.phone;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Lets a test stand after the agreed call time: slots must be proposed in the future and outcomes may only be
 * recorded once the slot has come, so the stored slot is moved an hour into the past.
 */
public final class Calls {

    private Calls() {
    }

    public static void slotHasCome(long orderId) {
        PhoneVerificationRepository repository = Arc.container().instance(PhoneVerificationRepository.class).get();
        Instant past = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        try {
            int updated = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> repository.update("slotStart = ?1 where orderId = ?2", past, orderId)));
            if (updated != 1) {
                throw new IllegalStateException("order " + orderId + " has no phone verification");
            }
        } catch (Throwable e) {
            throw new IllegalStateException("Could not move the call slot of order " + orderId, e);
        }
    }
}
