package io.certdesk.order.customer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Customers by id. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, String> {

    /** The next customer id, C-1, C-2, ... from a database sequence so concurrent creations never collide. */
    public Uni<String> nextId() {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select nextval('customer_number_seq')", Long.class).getSingleResult())
                .map(n -> "C-" + n);
    }

    public Uni<List<Customer>> page(int page, int size) {
        return findAll(Sort.by("organisationKana").and("id")).page(page, size).list();
    }
}
