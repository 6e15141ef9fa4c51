package io.certdesk.order.fee;

import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * The versioned fee schedule. A price change closes the current version and opens a new one; quotes copy the
 * fee they were made with, so no change ever alters a quote or an invoice already issued.
 */
@ApplicationScoped
public class FeeService {

    private static final Map<String, String> SORTS = Map.of("orderType", "orderType", "effectiveAt", "validFrom",
            "id", "id");

    private final FeeScheduleRepository fees;
    private final BillingConfig billing;

    public FeeService(FeeScheduleRepository fees, BillingConfig billing) {
        this.fees = fees;
        this.billing = billing;
    }

    @WithTransaction
    public Uni<FeeView> change(FeeRequest request, String actor) {
        if (!request.orderType().billed()) {
            return Uni.createFrom().failure(DomainException.invalid("orderType", "a REISSUE inside a paid term is free; "
                    + "fees exist for NEW and RENEWAL"));
        }
        if (request.effectiveAt().isBefore(Times.now())) {
            // A backdated fee would reprice a period whose quotes were made with the old one.
            return Uni.createFrom().failure(DomainException.invalid("effectiveAt", "must not be in the past"));
        }
        return fees.openEndedForUpdate(request.orderType()).flatMap(current -> {
            if (current != null && !request.effectiveAt().isAfter(current.validFrom)) {
                return Uni.createFrom().failure(DomainException.invalid("effectiveAt",
                        "must be later than the current version's start " + current.validFrom));
            }
            if (current != null) {
                current.validTo = Times.stored(request.effectiveAt());
            }
            FeeSchedule next = new FeeSchedule();
            next.orderType = request.orderType();
            next.setupFeeJpy = request.setupFeeJpy();
            next.validFrom = Times.stored(request.effectiveAt());
            next.createdAt = Times.now();
            next.createdBy = actor;
            return fees.flush().flatMap(v -> fees.persistAndFlush(next))
                    .map(saved -> FeeView.of(saved, billing.taxRatePercent()));
        });
    }

    @WithSession
    public Uni<Page<FeeView>> history(OrderType type, PageRequest paging) {
        var query = fees.history(type, paging.sort(SORTS, "orderType,effectiveAt", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count().map(total -> paging.page(
                items.stream().map(f -> FeeView.of(f, billing.taxRatePercent())).toList(), total)));
    }

    @WithSession
    public Uni<FeeView> get(long id) {
        return fees.findById(id).onItem().ifNull().failWith(() -> DomainException.notFound("Fee version", id))
                .map(f -> FeeView.of(f, billing.taxRatePercent()));
    }

    @WithSession
    public Uni<FeeView> current(OrderType type) {
        return validAt(type, Times.now()).map(f -> FeeView.of(f, billing.taxRatePercent()));
    }

    /** The version in force at {@code at}; runs in the caller's session. */
    public Uni<FeeSchedule> validAt(OrderType type, Instant at) {
        return fees.validAt(type, at).onItem().ifNull().failWith(() -> DomainException.conflict(
                "No " + type + " fee is in force at " + at + "; staff must publish one first"));
    }
}
