package io.certdesk.order.order;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Timeline entries in the order they happened. */
@ApplicationScoped
public class OrderEventRepository implements PanacheRepository<OrderEvent> {

    public PanacheQuery<OrderEvent> timeline(long orderId, Sort sort) {
        return find("orderId", sort, orderId);
    }
}
