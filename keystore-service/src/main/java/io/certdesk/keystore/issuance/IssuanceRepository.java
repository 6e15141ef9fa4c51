package io.certdesk.keystore.issuance;

import io.certdesk.keystore.platform.Times;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Issuance requests. */
@ApplicationScoped
public class IssuanceRepository implements PanacheRepositoryBase<Issuance, UUID> {

    /** The listing's filters; null means any. */
    public record Filter(Issuance.Status status, Issuance.Issuer issuer, UUID keyId, String serverId, String orderId) {
    }

    /** Ends the key's open issuances (a pending ACME order, an awaited MANUAL upload) as FAILED; caller's transaction. */
    public Uni<Integer> failOpen(UUID keyId, String detail) {
        return update("status = ?1, problemType = ?2, problemDetail = ?3, nextAttemptAt = null, updatedAt = ?4 "
                        + "where keyId = ?5 and status in ?6", Issuance.Status.FAILED,
                "https://certdesk.io/problems/key-abandoned", detail, Times.now(), keyId,
                List.of(Issuance.Status.PENDING, Issuance.Status.VALIDATING));
    }

    public PanacheQuery<Issuance> filtered(Filter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.status() != null) {
            where.add("i.status = :status");
            params.and("status", f.status());
        }
        if (f.issuer() != null) {
            where.add("i.issuer = :issuer");
            params.and("issuer", f.issuer());
        }
        if (f.keyId() != null) {
            where.add("i.keyId = :key");
            params.and("key", f.keyId());
        }
        if (f.serverId() != null) {
            where.add("i.serverId = :server");
            params.and("server", f.serverId());
        }
        if (f.orderId() != null) {
            where.add("exists (select 1 from ManagedKey k where k.id = i.keyId and k.orderId = :order)");
            params.and("order", f.orderId());
        }
        return find("from Issuance i" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)), sort, params);
    }
}
