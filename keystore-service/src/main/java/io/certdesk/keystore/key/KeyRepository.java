package io.certdesk.keystore.key;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Keys in custody. */
@ApplicationScoped
public class KeyRepository implements PanacheRepositoryBase<ManagedKey, UUID> {

    public PanacheQuery<ManagedKey> listed(String customerId) {
        Sort newest = Sort.by("createdAt", Sort.Direction.Descending).and("id");
        return customerId == null ? find("internal = false", newest)
                : find("internal = false and customerId = ?1", newest, customerId);
    }

    /** A batch of keys wrapped by an older master key, locked, skipping rows another replica is rewrapping. */
    public Uni<List<ManagedKey>> lockOnOlderVersions(int current, UUID afterId, int limit) {
        // SKIP LOCKED lets several replicas rewrap side by side without waiting on each other
        return getSession().flatMap(session -> session.createNativeQuery(
                        "select * from managed_key where master_key_version < :current and id > :after order by id "
                                + "limit :limit for update skip locked", ManagedKey.class)
                .setParameter("current", current)
                .setParameter("after", afterId)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<Long> countOnOlderVersions(int current) {
        return count("masterKeyVersion < ?1", current);
    }
}
