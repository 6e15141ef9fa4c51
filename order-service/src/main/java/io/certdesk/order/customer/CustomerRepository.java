package io.certdesk.order.customer;

import io.certdesk.order.platform.Searches;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Customers by id. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, String> {

    /** The next customer id, C-1, C-2, ... from a database sequence so concurrent creations never collide. */
    public Uni<String> nextId() {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select nextval('customer_number_seq')", Long.class).getSingleResult())
                .map(n -> "C-" + n);
    }

    /** Customers whose name or kana contains {@code q} (all when null). */
    public PanacheQuery<Customer> filtered(String q, Sort sort) {
        if (q == null || q.isBlank()) {
            return findAll(sort);
        }
        return find("lower(organisationName) like :q escape '!' or lower(organisationKana) like :q escape '!'", sort,
                Parameters.with("q", Searches.contains(q)));
    }
}
