package io.certdesk.order.refund;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Refunds and applied excesses. */
@ApplicationScoped
public class RefundRepository implements PanacheRepository<Refund> {

    /** By invoice (the money's or the target's) and by customer; null means any. */
    public PanacheQuery<Refund> filtered(Long invoiceId, String customerId, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (invoiceId != null) {
            where.add("(invoiceId = :invoice or targetInvoiceId = :invoice)");
            params.and("invoice", invoiceId);
        }
        if (customerId != null) {
            where.add("invoiceId in (select i.id from Invoice i where i.customerId = :customer)");
            params.and("customer", customerId);
        }
        return find(where.isEmpty() ? "from Refund" : "from Refund where " + String.join(" and ", where), sort, params);
    }
}
