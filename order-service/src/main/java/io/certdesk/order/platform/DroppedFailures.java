package io.certdesk.order.platform;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Failures that arrive after nobody waits for them any more: typically a client that went away while its request was
 * still working (the request is cancelled, its transaction rolled back, and the work still under way then fails). By
 * default Mutiny logs each at ERROR with its stack trace, so a load balancer's timeouts would fill the log. Here each
 * is counted, logged at WARN in one line at most once per {@link #QUIET_MILLIS} (with how many were not logged since),
 * and its stack trace only at DEBUG.
 */
@ApplicationScoped
public class DroppedFailures {

    static final long QUIET_MILLIS = 10_000;

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong notLogged = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private final LongSupplier clock;

    public DroppedFailures() {
        this(System::currentTimeMillis);
    }

    DroppedFailures(LongSupplier clock) {
        this.clock = clock;
    }

    void start(@Observes StartupEvent started) {
        Infrastructure.setDroppedExceptionHandler(this::dropped);
    }

    void dropped(Throwable failure) {
        long count = total.incrementAndGet();
        if (shouldLog()) {
            long skipped = notLogged.getAndSet(0);
            Log.warnf("A failure arrived after its request had been cancelled (typically the client went away and the "
                    + "request's transaction was rolled back): %s%s; %d such failures since start", failure,
                    skipped > 0 ? " (" + skipped + " more not logged in the last " + QUIET_MILLIS / 1000 + " s)" : "",
                    count);
        } else {
            notLogged.incrementAndGet();
        }
        Log.debug("Dropped failure", failure);
    }

    /** At most one WARN line per quiet period. */
    boolean shouldLog() {
        long now = clock.getAsLong();
        long last = lastLogged.get();
        return (last == Long.MIN_VALUE || now - last >= QUIET_MILLIS) && lastLogged.compareAndSet(last, now);
    }

    /** How many were dropped since start. */
    public long total() {
        return total.get();
    }
}
