package io.certdesk.order.platform;

import java.time.Duration;

/** Exponential backoff between delivery attempts: first, 2×first, 4×first, … capped at max. */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after {@code failedAttempts} (≥ 1) failures. */
    public static Duration after(int failedAttempts, Duration first, Duration max) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        int doublings = failedAttempts - 1;
        // beyond 2^30 any sane first delay is past the cap, and shifting further would overflow
        if (doublings >= 30) {
            return max;
        }
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
