package io.certdesk.order.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Failures dropped after a cancellation are all counted and logged at most once per quiet period. */
class DroppedFailuresTest {

    @Test
    void countedEveryTimeLoggedOncePerQuietPeriod() {
        AtomicLong now = new AtomicLong(1_000_000);
        DroppedFailures dropped = new DroppedFailures(now::get);
        assertTrue(dropped.shouldLog(), "the first is logged");
        assertFalse(dropped.shouldLog());
        now.addAndGet(DroppedFailures.QUIET_MILLIS - 1);
        assertFalse(dropped.shouldLog(), "still inside the quiet period");
        now.addAndGet(1);
        assertTrue(dropped.shouldLog(), "the next period logs again");
        for (int i = 0; i < 5; i++) {
            dropped.dropped(new IllegalStateException("closed " + i));
        }
        assertEquals(5, dropped.total());
    }
}
