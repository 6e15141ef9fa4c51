package io.certdesk.keystore.key;

import io.certdesk.keystore.platform.DomainException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where key pairs are generated: a pool of its own, smaller than the machine (by default one thread fewer than the
 * cores, at least one), so that however many RSA-4096 keys are asked for at once, a core stays for the event loops
 * that answer every other request. Requests wait in a bounded queue; when it is full the request is refused with
 * 503 and Retry-After rather than queued without end (a caller retries with its Idempotency-Key).
 */
@ApplicationScoped
public class KeyGenerationPool {

    private final ThreadPoolExecutor executor;

    KeyGenerationPool(@ConfigProperty(name = "certdesk.keys.generation-threads", defaultValue = "0") int threads,
            // each waiting request holds a database connection in its open transaction (the idempotency record): the
            // queue stays well below the reactive pool (20), so a burst of generations cannot take every connection
            @ConfigProperty(name = "certdesk.keys.generation-queue", defaultValue = "8") int queue) {
        // by default one core is left to the requests, and at most 4 generate: with the queue, the generations never
        // hold more than 12 of the pool's 20 connections on any machine
        int size = threads > 0 ? threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)),
                r -> {
                    Thread t = new Thread(r, "key-generation-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** How many pairs may be generated at the same time. */
    public int threads() {
        return executor.getMaximumPoolSize();
    }

    /** Runs {@code work} on the pool; the answer comes back on the caller's Vert.x context. */
    public <T> Uni<T> run(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> generated = Uni.createFrom().emitter(emitter -> {
            try {
                executor.execute(() -> {
                    try {
                        emitter.complete(work.get());
                    } catch (Throwable e) { // an Error too (OutOfMemoryError in RSA-4096): never leave the caller waiting
                        emitter.fail(e);
                    }
                });
            } catch (RejectedExecutionException full) {
                emitter.fail(DomainException.unavailable("Too many keys are being generated at once (" + threads()
                        + " at a time, " + executor.getQueue().size() + " waiting); retry shortly with the same "
                        + "Idempotency-Key", 2));
            }
        });
        return context == null ? generated : generated.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
