package io.certdesk.order.payment;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Payments by invoice and by idempotency key. */
@ApplicationScoped
public class PaymentRepository implements PanacheRepository<Payment> {

    public Uni<Payment> byKey(String key) {
        return find("idempotencyKey", key).firstResult();
    }

    public Uni<List<Payment>> ofInvoice(long invoiceId) {
        return find("invoiceId", Sort.by("id"), invoiceId).list();
    }
}
