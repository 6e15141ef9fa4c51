package io.certdesk.order.orchestration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the orchestration dispatcher runs the orders' remote steps. */
@ConfigMapping(prefix = "certdesk.orchestration")
public interface OrchestrationConfig {

    /** How often the dispatcher looks for due steps (also read by the @Scheduled expression). */
    @WithDefault("2s")
    String every();

    /** How many steps one replica runs side by side. */
    @WithDefault("4")
    int workers();

    /** How many steps one replica runs per look, at most (shared by its workers). */
    @WithDefault("50")
    int maxStepsPerRun();

    /**
     * How long a claimed step is held: longer than its calls can take with their timeouts and retries. A replica
     * that dies while it holds one leaves it to be run again (with the same Idempotency-Keys) when this has passed.
     */
    @WithDefault("3M")
    Duration lease();

    /** Consecutive failures after which a step parks and waits for staff to retry it. */
    @WithDefault("6")
    int maxFailures();

    /** The wait after the first failure; it doubles with each further one, up to {@link #maxRetryDelay()}. */
    @WithDefault("10S")
    Duration firstRetryDelay();

    @WithDefault("10M")
    Duration maxRetryDelay();

    /** Following an issuance at the CA: the first wait, doubling up to {@link #maxPollDelay()}. */
    @WithDefault("5S")
    Duration firstPollDelay();

    @WithDefault("10M")
    Duration maxPollDelay();

    /** Probing whether the web server serves the certificate: the first wait, doubling up to {@link #maxProbeDelay()}. */
    @WithDefault("15S")
    Duration firstProbeDelay();

    @WithDefault("15M")
    Duration maxProbeDelay();

    /**
     * keystore-service's address as customers and staff reach it, for the delivery links on an order (the bundle,
     * the passphrase, the deploy material). Defaults to the address order-service calls.
     */
    @WithDefault("${quarkus.rest-client.keystore.url}")
    String keystorePublicUrl();
}
