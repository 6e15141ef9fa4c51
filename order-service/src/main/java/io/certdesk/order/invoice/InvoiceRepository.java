package io.certdesk.order.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Invoices and their lines. */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepository<Invoice> {

    /** The invoice with its row locked: payments on it are summed one after the other. */
    public Uni<Invoice> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The invoice's order id, or null, without loading the invoice into the session. */
    public Uni<Long> orderIdOf(long invoiceId) {
        return getSession().flatMap(s -> s.createSelectionQuery("select orderId from Invoice where id = :id", Long.class)
                .setParameter("id", invoiceId).getSingleResultOrNull());
    }

    public Uni<Invoice> ofOrder(long orderId) {
        return find("orderId", orderId).firstResult();
    }

    public Uni<List<InvoiceLine>> lines(long invoiceId) {
        return getSession().flatMap(s -> s.createQuery(
                        "from InvoiceLine where invoiceId = :id order by position", InvoiceLine.class)
                .setParameter("id", invoiceId).getResultList());
    }
}
