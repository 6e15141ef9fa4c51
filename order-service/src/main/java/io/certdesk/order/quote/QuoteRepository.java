package io.certdesk.order.quote;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Quotes by id. */
@ApplicationScoped
public class QuoteRepository implements PanacheRepository<Quote> {

    public Uni<Quote> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
