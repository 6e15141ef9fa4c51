package io.certdesk.keystore.vault;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while this replica is sealed: a sealed replica answers key operations with 503, so a load balancer should
 * send them elsewhere. Liveness is unaffected (a sealed replica is healthy and must not be restarted into a new start).
 */
@Readiness
@ApplicationScoped
public class VaultReadiness implements HealthCheck {

    private final SealState seal;
    private final VaultConfig config;

    public VaultReadiness(SealState seal, VaultConfig config) {
        this.seal = seal;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("vault").status(!seal.sealed()).withData("unsealMode", config.unseal().name())
                .build();
    }
}
