package io.certdesk.order.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Contacts of a customer. */
@ApplicationScoped
public class CustomerContactRepository implements PanacheRepository<CustomerContact> {

    public Uni<List<CustomerContact>> ofCustomer(String customerId) {
        return find("customerId", Sort.by("id"), customerId).list();
    }
}
