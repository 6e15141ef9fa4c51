package io.certdesk.order.document;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Checklist rows of orders. */
@ApplicationScoped
public class DocumentRepository implements PanacheRepository<OrderDocument> {

    public Uni<List<OrderDocument>> ofOrder(long orderId) {
        return find("orderId", Sort.by("id"), orderId).list();
    }

    public Uni<OrderDocument> of(long orderId, DocumentKind kind) {
        return find("orderId = ?1 and kind = ?2", orderId, kind).firstResult();
    }
}
