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

    /** The vault row, locked: serialises rotations across replicas. */
    public Uni<Vault> lock() {
        return getSession().flatMap(s -> s.find(Vault.class, Vault.ID, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }
}
