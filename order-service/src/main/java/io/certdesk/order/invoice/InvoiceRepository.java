package io.certdesk.order.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
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

    public PanacheQuery<Invoice> filtered(InvoiceService.Filter f, Sort sort) {
        List<String> where = new ArrayList<>();
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
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.dueDateFrom() != null) {
            where.add("dueDate >= :dueFrom");
            params.and("dueFrom", f.dueDateFrom());
        }
        if (f.dueDateTo() != null) {
            where.add("dueDate <= :dueTo");
            params.and("dueTo", f.dueDateTo());
        }
        return find(where.isEmpty() ? "from Invoice" : "from Invoice where " + String.join(" and ", where), sort, params);
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
