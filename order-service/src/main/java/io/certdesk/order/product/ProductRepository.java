package io.certdesk.order.product;

import io.certdesk.order.platform.Searches;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Products by their business code. */
@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public Uni<Product> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public PanacheQuery<Product> filtered(ProductService.Filter filter, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!filter.includeInactive()) {
            where.add("active = true");
        }
        if (filter.validationLevel() != null) {
            where.add("validationLevel = :level");
            params.and("level", filter.validationLevel());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.add("(lower(code) like :q escape '!' or lower(name) like :q escape '!')");
            params.and("q", Searches.contains(filter.q()));
        }
        return find(where.isEmpty() ? "from Product" : "from Product where " + String.join(" and ", where), sort, params);
    }
}
