package io.certdesk.keystore.vault;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes the vault configuration row. */
@ApplicationScoped
public class VaultRepository implements PanacheRepositoryBase<Vault, Short> {

    /** The vault row, or null while the vault has never been initialised. */
    public Uni<Vault> current() {
        return findById(Vault.ID);
    }

    /**
     * The cluster's seal order: FOR SHARE before a replica re-opens by itself (a seal being written waits for it, and it
     * sees a seal that committed first), FOR UPDATE to change it.
     */
    public Uni<ClusterSeal> clusterSeal(jakarta.persistence.LockModeType lock) {
        return getSession().flatMap(s -> s.find(ClusterSeal.class, ClusterSeal.ID, lock));
    }

    /**
     * The cluster's seal order as it stands (sealed, by whom, when), or null: a projection, so the row does not stay in
     * the session and a locked read in the same session afterwards loads it afresh.
     */
    public Uni<Object[]> clusterSealNow() {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "select c.sealed, c.changedBy, c.changedAt from ClusterSeal c where c.id = 1", Object[].class)
                .getSingleResultOrNull());
    }

    /** The vault row, locked: serialises rotations across replicas. */
    public Uni<Vault> lock() {
        return getSession().flatMap(s -> s.find(Vault.class, Vault.ID, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }
}
