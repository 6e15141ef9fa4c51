package io.certdesk.order.platform;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs CPU-heavy or blocking work (RSA key generation, PBKDF2, file I/O) on the worker pool and hands the result
 * back to the caller's Vert.x context, where the reactive Hibernate session lives.
 */
public final class Offload {

    private Offload() {
    }

    public static <T> Uni<T> cpu(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> offloaded = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? offloaded : offloaded.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
