package io.certdesk.keystore.metrics;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.vault.SealState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The custody figures Prometheus scrapes from keystore-service (at /q/metrics): whether this replica's vault is
 * sealed, read live, and whether the audit chain verified intact when this replica last checked it, every
 * {@code certdesk.metrics.audit-verify-every} (1 h): 1 intact, 0 broken (the problem is logged at ERROR), -1 not
 * checked yet.
 */
@Startup
@ApplicationScoped
public class CustodyMetrics {

    private final AuditLog audit;
    private final AtomicInteger auditIntact = new AtomicInteger(-1);

    public CustodyMetrics(SealState seal, AuditLog audit, MeterRegistry registry) {
        this.audit = audit;
        Gauge.builder("certdesk.vault.sealed", seal, s -> s.sealed() ? 1 : 0).strongReference(true)
                .description("1 while this replica's vault is sealed (nothing can be decrypted)").register(registry);
        Gauge.builder("certdesk.audit.chain.intact", auditIntact, AtomicInteger::get)
                .description("1 when the audit chain verified intact at the last check, 0 when broken, -1 before the first")
                .register(registry);
    }

    @Scheduled(every = "${certdesk.metrics.audit-verify-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> verifyAudit() {
        return audit.verify().invoke(v -> {
            auditIntact.set(v.intact() ? 1 : 0);
            if (!v.intact()) {
                Log.errorf("The audit chain does not verify at entry %d: %s", v.firstBrokenSeq(), v.problem());
            }
        }).replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("The audit chain could not be verified now: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
