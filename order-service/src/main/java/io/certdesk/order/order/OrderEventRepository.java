package io.certdesk.order.order;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Timeline entries in the order they happened. */
@ApplicationScoped
public class OrderEventRepository implements PanacheRepository<OrderEvent> {

    public Uni<List<OrderEvent>> timeline(long orderId) {
        return find("orderId", Sort.by("id"), orderId).list();
    }
}
