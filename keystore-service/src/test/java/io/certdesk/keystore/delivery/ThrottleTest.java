package io.certdesk.keystore.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.ProblemType;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final class Limits implements ThrottleConfig {
        @Override
        public int perMinute() {
            return 20;
        }

        @Override
        public int concurrentPerCaller() {
            return 2;
        }

        @Override
        public int concurrent() {
            return 3;
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final Throttle throttle = new Throttle(new Limits(), clock);

    private Throwable refusal(String caller) {
        try {
            throttle.run(caller, () -> Uni.createFrom().item("done")).await().indefinitely();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void aCallerGetsItsRatePerMinuteThen429WithWhenToRetry() {
        for (int i = 0; i < 20; i++) {
            assertEquals(null, refusal("tanaka"), "request " + (i + 1));
        }
        DomainException limited = assertInstanceOf(DomainException.class, refusal("tanaka"));
        assertEquals(ProblemType.TOO_MANY_REQUESTS, limited.type());
        assertEquals(3, limited.retryAfterSeconds(), "one request refills every 3 s at 20 a minute");
        assertEquals(null, refusal("suzuki"), "another caller has its own budget");
        clock.now = clock.now.plus(Duration.ofSeconds(3));
        assertEquals(null, refusal("tanaka"));
        assertInstanceOf(DomainException.class, refusal("tanaka"));
    }

    @Test
    void aCallerMayHaveTwoInProgressAndEveryoneThree() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> third = new CompletableFuture<>();
        var a = throttle.run("tanaka", () -> Uni.createFrom().completionStage(first)).subscribeAsCompletionStage();
        var b = throttle.run("tanaka", () -> Uni.createFrom().completionStage(second)).subscribeAsCompletionStage();
        DomainException busy = assertInstanceOf(DomainException.class, refusal("tanaka"));
        assertEquals(1, busy.retryAfterSeconds());
        var c = throttle.run("suzuki", () -> Uni.createFrom().completionStage(third)).subscribeAsCompletionStage();
        assertInstanceOf(DomainException.class, refusal("sato"), "three in progress in all");
        first.complete("ok");
        assertEquals("ok", a.join());
        assertEquals(null, refusal("tanaka"), "a finished request frees its place");
        second.completeExceptionally(new IllegalStateException("failed work frees its place too"));
        assertTrue(b.isCompletedExceptionally());
        third.complete("ok");
        assertEquals("ok", c.join());
        assertEquals(null, refusal("sato"));
    }
}
