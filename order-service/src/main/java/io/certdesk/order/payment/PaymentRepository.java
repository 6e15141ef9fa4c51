package io.certdesk.order.payment;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Payments by invoice and by idempotency key. */
@ApplicationScoped
public class PaymentRepository implements PanacheRepository<Payment> {

    public PanacheQuery<Payment> filtered(PaymentService.Filter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.invoiceId() != null) {
            where.add("invoiceId = :invoiceId");
            params.and("invoiceId", f.invoiceId());
        }
        if (f.customerId() != null) {
            where.add("exists (select 1 from Invoice i where i.id = p.invoiceId and i.customerId = :customerId)");
            params.and("customerId", f.customerId());
        }
        if (f.method() != null) {
            where.add("method = :method");
            params.and("method", f.method());
        }
        if (f.paidAtFrom() != null) {
            where.add("paidAt >= :from");
            params.and("from", f.paidAtFrom());
        }
        if (f.paidAtTo() != null) {
            where.add("paidAt <= :to");
            params.and("to", f.paidAtTo());
        }
        return find("from Payment p" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)), sort, params);
    }

    public Uni<List<Payment>> ofInvoice(long invoiceId) {
        return find("invoiceId", Sort.by("id"), invoiceId).list();
    }
}
