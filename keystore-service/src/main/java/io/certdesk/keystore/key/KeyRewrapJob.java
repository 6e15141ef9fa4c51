package io.certdesk.keystore.key;

import io.certdesk.keystore.vault.SealState;
import io.certdesk.keystore.vault.VaultConfig;
import io.certdesk.keystore.vault.VaultService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * After a rotation, moves every data key onto the newest master key in small transactions, so it
 * can stop at any point and resume on the next run (or another replica), then retires versions
 * nothing uses any more.
 */
@ApplicationScoped
public class KeyRewrapJob {

    private final KeyService keys;
    private final VaultService vault;
    private final SealState seal;
    private final VaultConfig config;

    public KeyRewrapJob(KeyService keys, VaultService vault, SealState seal, VaultConfig config) {
        this.keys = keys;
        this.vault = vault;
        this.seal = seal;
        this.config = config;
    }

    @Scheduled(every = "${certdesk.vault.rewrap.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        if (seal.sealed()) {
            return Uni.createFrom().voidItem();
        }
        return vault.refreshKeyring().chain(() -> rewrapAll(new UUID(0, 0), 0)).chain(moved -> vault.retireUnused().invoke(retired -> {
            if (moved > 0 || !retired.isEmpty()) {
                Log.infof("Rewrapped %d keys to master key %d; retired versions %s", moved, vault.currentVersion(), retired);
            }
        })).replaceWithVoid().onFailure().invoke(e -> Log.warnf(e, "Rewrap run stopped; it resumes on the next run"))
                .onFailure().recoverWithNull();
    }

    private Uni<Integer> rewrapAll(UUID afterId, int movedSoFar) {
        if (seal.sealed()) {
            return Uni.createFrom().item(movedSoFar);
        }
        return keys.rewrapBatch(afterId, config.rewrap().batchSize()).flatMap(batch -> batch.seen() == 0
                ? Uni.createFrom().item(movedSoFar)
                : rewrapAll(batch.lastId(), movedSoFar + batch.moved()));
    }
}
