package io.certdesk.order.renewal;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Paid terms. */
@ApplicationScoped
public class TermRepository implements PanacheRepository<CertificateTerm> {

    public Uni<CertificateTerm> ofOrder(long orderId) {
        return find("orderId", orderId).firstResult();
    }

    /** The customer's term whose current certificate is {@code certificateId}, locked for the caller's transaction. */
    public Uni<CertificateTerm> ofCertificateForUpdate(String certificateId, String customerId) {
        return find("certificateId = ?1 and customerId = ?2", certificateId, customerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<CertificateTerm> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The term a RENEWAL order renews: the one it was linked to when it was ordered. */
    public Uni<CertificateTerm> renewedBy(long orderId) {
        return find("renewalOrderId", orderId).firstResult();
    }
}
