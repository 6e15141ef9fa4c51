package io.certdesk.keystore.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.platform.DomainException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Key generation runs on a pool of its own, never more at once than its threads, with a bounded queue. */
class KeyGenerationPoolTest {

    @Test
    void atMostItsThreadsRunAtOnceAndAFullQueueIsRefusedWith503() throws Exception {
        KeyGenerationPool pool = new KeyGenerationPool(1, 1);
        try {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            java.util.function.Supplier<String> slow = () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return Thread.currentThread().getName();
            };
            var first = pool.run(slow).subscribeAsCompletionStage();
            var second = pool.run(slow).subscribeAsCompletionStage(); // waits in the queue
            Thread.sleep(200);
            Throwable refused = pool.run(slow).subscribe().withSubscriber(
                    io.smallrye.mutiny.helpers.test.UniAssertSubscriber.create()).awaitFailure(Duration.ofSeconds(5))
                    .getFailure();
            assertTrue(refused instanceof DomainException, String.valueOf(refused));
            assertEquals(503, ((DomainException) refused).type().status());
            assertEquals(2, ((DomainException) refused).retryAfterSeconds());
            release.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS).startsWith("key-generation-"));
            assertTrue(second.get(10, TimeUnit.SECONDS).startsWith("key-generation-"));
            assertEquals(1, most.get(), "one thread: one generation at a time");
        } finally {
            pool.stop();
        }
    }

    @Test
    void byDefaultOneThreadFewerThanTheCoresAndAtLeastOne() {
        KeyGenerationPool pool = new KeyGenerationPool(0, 64);
        try {
            assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), pool.threads());
        } finally {
            pool.stop();
        }
    }
}
