package io.certdesk.keystore.vault;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Every replica reads the cluster's seal order this often and follows it (see {@link VaultService#followClusterSeal}). */
@ApplicationScoped
public class SealWatch {

    private final VaultService vault;

    public SealWatch(VaultService vault) {
        this.vault = vault;
    }

    @Scheduled(every = "${certdesk.vault.seal-check-every}", delayed = "${certdesk.vault.seal-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> follow() {
        return vault.followClusterSeal()
                .onFailure().invoke(e -> Log.warnf("Could not read the cluster's seal order: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
