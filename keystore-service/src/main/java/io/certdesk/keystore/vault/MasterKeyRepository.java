package io.certdesk.keystore.vault;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Master key versions. */
@ApplicationScoped
public class MasterKeyRepository implements PanacheRepositoryBase<MasterKey, Integer> {

    public Uni<List<MasterKey>> active() {
        return find("retiredAt is null", Sort.by("version")).list();
    }

    /** Active versions older than {@code current}, oldest first. */
    public Uni<List<Integer>> candidatesBefore(int current) {
        return find("select m.version from MasterKey m where m.retiredAt is null and m.version < ?1 order by m.version", current)
                .project(Integer.class).list();
    }

    /** The version row, locked against key writes that share-lock it. */
    public Uni<MasterKey> lockForRetirement(int version) {
        return getSession().flatMap(s -> s.find(MasterKey.class, version, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Keys whose data keys are wrapped by {@code version}; a fresh count, made after the lock is held. */
    public Uni<Long> keysUsing(int version) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "select count(*) from ManagedKey k where k.masterKeyVersion = :v", Long.class)
                .setParameter("v", version).getSingleResult());
    }

    /** The newest active version, share-locked (PostgreSQL FOR SHARE) until the transaction ends. */
    public Uni<MasterKey> lockNewestActive() {
        return find("retiredAt is null", Sort.by("version", Sort.Direction.Descending))
                .withLock(LockModeType.PESSIMISTIC_READ).firstResult();
    }

    public Uni<Integer> newestVersion() {
        return find("select max(m.version) from MasterKey m").project(Integer.class).firstResult()
                .map(v -> v == null ? 0 : v);
    }
}
