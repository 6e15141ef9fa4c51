package io.certdesk.order.quote;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;

/** Quotes by id. */
@ApplicationScoped
public class QuoteRepository implements PanacheRepository<Quote> {

    public PanacheQuery<Quote> filtered(String customerId, QuoteStatus status, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (customerId != null) {
            where.add("customerId = :customerId");
            params.and("customerId", customerId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        return find(where.isEmpty() ? "from Quote" : "from Quote where " + String.join(" and ", where), sort, params);
    }

    public Uni<Quote> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
