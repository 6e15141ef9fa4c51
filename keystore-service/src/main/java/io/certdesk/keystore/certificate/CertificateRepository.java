package io.certdesk.keystore.certificate;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Issued certificates and where they may be deployed. */
@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

    /** Certificates matching every given filter (nulls are ignored), soonest expiry first. */
    /** The listing's filters; null means any. {@code expiresFrom}/{@code expiresTo} are inclusive. */
    public record Filter(String customerId, String orderId, String serverId, UUID keyId, String domain,
            Instant expiresFrom, Instant expiresTo) {
    }

    public PanacheQuery<Certificate> search(Filter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.customerId() != null) {
            where.add("c.customerId = :customer");
            params.and("customer", f.customerId());
        }
        if (f.orderId() != null) {
            where.add("c.orderId = :order");
            params.and("order", f.orderId());
        }
        if (f.keyId() != null) {
            where.add("c.keyId = :key");
            params.and("key", f.keyId());
        }
        if (f.serverId() != null) {
            where.add("exists (select 1 from CertificateServer p where p.certificateId = c.id and p.serverId = :server)");
            params.and("server", f.serverId());
        }
        if (f.expiresFrom() != null) {
            where.add("c.notAfter >= :from");
            params.and("from", f.expiresFrom());
        }
        if (f.expiresTo() != null) {
            where.add("c.notAfter <= :to");
            params.and("to", f.expiresTo());
        }
        if (f.domain() != null) {
            where.add("exists (select 1 from CertificateName n where n.certificateId = c.id and n.name = :domain)");
            params.and("domain", f.domain());
        }
        String query = "from Certificate c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return find(query, sort, params);
    }

    /** Certificates valid at {@code now} that may be deployed to {@code serverId}, latest expiry first. */
    public Uni<List<Certificate>> deployableTo(String serverId, Instant now) {
        return find("from Certificate c where c.notBefore <= :now and c.notAfter > :now and exists "
                        + "(select 1 from CertificateServer s where s.certificateId = c.id and s.serverId = :server)",
                Sort.by("notAfter", Sort.Direction.Descending),
                Parameters.with("now", now).and("server", serverId)).list();
    }

    /** The key's certificate with the latest expiry, or null. */
    public Uni<Certificate> latestForKey(UUID keyId) {
        return find("keyId", Sort.by("notAfter", Sort.Direction.Descending), keyId).firstResult();
    }

    public Uni<List<CertificateServer>> serversOf(List<UUID> certificateIds) {
        if (certificateIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(s -> s.createSelectionQuery(
                "from CertificateServer where certificateId in :ids order by addedAt", CertificateServer.class)
                .setParameter("ids", certificateIds).getResultList());
    }

    public Uni<CertificateServer> placement(UUID certificateId, String serverId) {
        return getSession().flatMap(s -> s.find(CertificateServer.class, new CertificateServer.Key(certificateId, serverId)));
    }

    public Uni<Void> persistPlacement(CertificateServer placement) {
        return getSession().flatMap(s -> s.persist(placement));
    }

    public Uni<List<CertificateServer>> unsealedPlacements() {
        return getSession().flatMap(s -> s.createSelectionQuery("from CertificateServer where mac is null",
                CertificateServer.class).getResultList());
    }

    public Uni<Void> deletePlacement(CertificateServer placement) {
        return getSession().flatMap(s -> s.remove(placement));
    }

    public Uni<Void> persistNames(List<CertificateName> names) {
        return getSession().flatMap(s -> s.persistAll(names.toArray()));
    }
}
