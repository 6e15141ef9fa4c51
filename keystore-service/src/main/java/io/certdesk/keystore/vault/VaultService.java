package io.certdesk.keystore.vault;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The vault's lifecycle: initialisation and seal state. */
@ApplicationScoped
public class VaultService {

    private final VaultRepository vaults;
    private final SealState seal;

    public VaultService(VaultRepository vaults, SealState seal) {
        this.vaults = vaults;
        this.seal = seal;
    }

    @WithSession
    public Uni<SealStatus> status() {
        return vaults.current().map(v -> v == null
                ? new SealStatus(false, seal.sealed(), 0, 0)
                : new SealStatus(true, seal.sealed(), v.secretShares, v.secretThreshold));
    }
}
