package io.certdesk.order.fee;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/** Fee versions by type and validity. */
@ApplicationScoped
public class FeeScheduleRepository implements PanacheRepository<FeeSchedule> {

    public Uni<FeeSchedule> validAt(OrderType type, Instant at) {
        return find("orderType = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", type, at)
                .firstResult();
    }

    /** The open-ended version of a type, locked so two concurrent price changes are applied one after the other. */
    public Uni<FeeSchedule> openEndedForUpdate(OrderType type) {
        return find("orderType = ?1 and validTo is null", type).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public PanacheQuery<FeeSchedule> history(OrderType type, Sort sort) {
        return type == null ? findAll(sort) : find("orderType", sort, type);
    }
}
