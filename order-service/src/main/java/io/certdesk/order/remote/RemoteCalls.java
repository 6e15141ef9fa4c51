package io.certdesk.order.remote;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The fault tolerance around the calls to the other services, one method (so one circuit breaker) per callee: a
 * timeout per attempt, two retries after a passing outage (never after a refusal, which the same request meets
 * again), and a pause of all calls to a callee that keeps failing. The clients map whatever comes out of here,
 * this guard's own timeouts and open circuits included, to a {@link RemoteProblem} naming the callee.
 */
@ApplicationScoped
@Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = RemoteProblem.Refused.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10_000, skipOn = RemoteProblem.Refused.class)
public class RemoteCalls {

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public <T> Uni<T> keystore(Supplier<Uni<T>> call) {
        return guarded(KeystoreClient.SERVICE, call);
    }

    /** keystore calls that generate an RSA key or sign a certificate take longer. */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public <T> Uni<T> keystoreSlow(Supplier<Uni<T>> call) {
        return guarded(KeystoreClient.SERVICE, call);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public <T> Uni<T> binding(Supplier<Uni<T>> call) {
        return guarded(BindingClient.SERVICE, call);
    }

    private static <T> Uni<T> guarded(String service, Supplier<Uni<T>> call) {
        // the refusal must be a RemoteProblem.Refused here already, so that the retry skips it
        return Uni.createFrom().<T>deferred(call::get).onFailure().transform(e -> RemoteProblem.of(service, e));
    }
}
