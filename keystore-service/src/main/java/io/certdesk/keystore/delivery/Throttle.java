package io.certdesk.keystore.delivery;

import io.certdesk.keystore.platform.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A rate limit and a concurrency cap per caller, and a cap for everyone, in front of the expensive operations a
 * customer or a deployer can trigger. Refused work is answered 429 with Retry-After before any of it starts; the
 * budget is per instance (behind N replicas a caller gets at most N times the rate, which still bounds the work).
 */
@ApplicationScoped
public class Throttle {

    private final ThrottleConfig config;
    private final Clock clock;
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
    private int inFlight;

    @Inject
    public Throttle(ThrottleConfig config) {
        this(config, Clock.systemUTC());
    }

    Throttle(ThrottleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Runs {@code work} for {@code caller} when the limits allow, else fails with 429 and when to retry. */
    public <T> Uni<T> run(String caller, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Budget budget;
            long wait;
            synchronized (this) {
                budget = budgets.computeIfAbsent(caller, c -> new Budget(config.perMinute(), clock.millis()));
                wait = admit(budget);
            }
            if (wait > 0) {
                return Uni.createFrom().failure(DomainException.tooManyRequests(wait == BUSY
                        ? "Too many key exports or deploy requests are in progress; try again in a moment"
                        : "At most " + config.perMinute() + " key exports or deploy requests a minute; try again in "
                                + wait + " s", wait == BUSY ? 1 : wait));
            }
            return work.get().eventually(() -> release(budget));
        });
    }

    private static final long BUSY = -1L >>> 1;

    /** 0 when admitted (a token taken, both counters raised), else seconds to wait or {@link #BUSY}. */
    private long admit(Budget budget) {
        long now = clock.millis();
        budget.refill(now, config.perMinute());
        if (budget.inFlight >= config.concurrentPerCaller() || inFlight >= config.concurrent()) {
            return BUSY;
        }
        if (budget.tokens < 1) {
            double perMilli = config.perMinute() / 60_000.0;
            return Math.max(1, (long) Math.ceil((1 - budget.tokens) / perMilli / 1000));
        }
        budget.tokens -= 1;
        budget.inFlight++;
        inFlight++;
        return 0;
    }

    private synchronized void release(Budget budget) {
        budget.inFlight--;
        inFlight--;
        if (budgets.size() > SWEEP_ABOVE) {
            // idle callers whose budget has refilled completely need no entry: keeps the map from growing
            long now = clock.millis();
            budgets.values().removeIf(b -> {
                b.refill(now, config.perMinute());
                return b.inFlight == 0 && b.tokens >= config.perMinute();
            });
        }
    }

    private static final int SWEEP_ABOVE = 10_000;

    /** A token bucket: {@code tokens} refill at perMinute a minute up to perMinute. */
    private static final class Budget {
        double tokens;
        long refilledAt;
        int inFlight;

        Budget(int perMinute, long now) {
            this.tokens = perMinute;
            this.refilledAt = now;
        }

        void refill(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + (now - refilledAt) * perMinute / 60_000.0);
            refilledAt = now;
        }
    }
}
