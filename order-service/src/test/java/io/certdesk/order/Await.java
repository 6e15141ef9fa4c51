package io.certdesk.order;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/** Polls for something that happens after the request returned (the notice outbox is drained asynchronously). */
public final class Await {

    /** Generous so that a loaded CI machine does not fail a correct build; polling returns as soon as it holds. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private Await() {
    }

    /** The first value of {@code probe} that satisfies {@code done}; fails naming {@code what} after the limit. */
    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("Gave up waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = probe.get();
        }
        return last;
    }
}
