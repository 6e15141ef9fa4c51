package io.certdesk.order.product;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Products by their business code. */
@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public Uni<Product> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<Product>> page(boolean includeInactive, int page, int size) {
        var query = includeInactive ? findAll(Sort.by("code")) : find("active", Sort.by("code"), true);
        return query.page(page, size).list();
    }

    public Uni<Long> countListed(boolean includeInactive) {
        return includeInactive ? count() : count("active", true);
    }
}
