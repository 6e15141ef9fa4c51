package io.certdesk.keystore.key;

import io.certdesk.keystore.platform.Searches;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keys in custody. */
@ApplicationScoped
public class KeyRepository implements PanacheRepositoryBase<ManagedKey, UUID> {

    /** The listing's filters; null means any. */
    public record Filter(String customerId, String orderId, String q, KeyView.KeyStatus status) {
    }

    /** Keys the API may show (never the service's internal ones). */
    public PanacheQuery<ManagedKey> listed(Filter f, Sort sort) {
        List<String> where = new ArrayList<>();
        where.add("internal = false");
        Parameters params = new Parameters();
        if (f.customerId() != null) {
            where.add("customerId = :customerId");
            params.and("customerId", f.customerId());
        }
        if (f.orderId() != null) {
            where.add("orderId = :orderId");
            params.and("orderId", f.orderId());
        }
        if (f.status() != null) {
            where.add(f.status() == KeyView.KeyStatus.ABANDONED ? "abandonedAt is not null" : "abandonedAt is null");
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("lower(label) like :q escape '!'");
            params.and("q", Searches.contains(f.q()));
        }
        return find("from ManagedKey where " + String.join(" and ", where), sort, params);
    }

    /** A batch of keys wrapped by an older master key, locked, skipping rows another replica is rewrapping. */
    public Uni<List<ManagedKey>> lockOnOlderVersions(int current, UUID afterId, int limit) {
        // SKIP LOCKED lets several replicas rewrap side by side without waiting on each other
        return getSession().flatMap(session -> session.createNativeQuery(
                        "select * from managed_key where (master_key_version < :current or aad_version < " + Aad.CURRENT
                                + ") and id > :after order by id "
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
