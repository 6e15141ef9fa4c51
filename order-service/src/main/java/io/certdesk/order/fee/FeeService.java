package io.certdesk.order.fee;

import io.certdesk.order.platform.Times;
import io.certdesk.order.platform.DomainException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The versioned fee schedule. A price change closes the current version and opens a new one; quotes copy the
 * fee they were made with, so no change ever alters a quote or an invoice already issued.
 */
@ApplicationScoped
public class FeeService {

    private final FeeScheduleRepository fees;
    private final BillingConfig billing;

    public FeeService(FeeScheduleRepository fees, BillingConfig billing) {
        this.fees = fees;
        this.billing = billing;
    }

    @WithTransaction
    public Uni<FeeView> change(FeeRequest request, String actor) {
        if (request.validFrom().isBefore(Times.now())) {
            // A backdated fee would reprice a period whose quotes were made with the old one.
            return Uni.createFrom().failure(DomainException.invalid("validFrom", "must not be in the past"));
        }
        return fees.openEndedForUpdate(request.orderType()).flatMap(current -> {
            if (current != null && !request.validFrom().isAfter(current.validFrom)) {
                return Uni.createFrom().failure(DomainException.invalid("validFrom",
                        "must be later than the current version's start " + current.validFrom));
            }
            if (current != null) {
                current.validTo = Times.stored(request.validFrom());
            }
            FeeSchedule next = new FeeSchedule();
            next.orderType = request.orderType();
            next.setupFeeJpy = request.setupFeeJpy();
            next.validFrom = Times.stored(request.validFrom());
            next.createdAt = Times.now();
            next.createdBy = actor;
            return fees.flush().flatMap(v -> fees.persistAndFlush(next))
                    .map(saved -> FeeView.of(saved, billing.taxRatePercent()));
        });
    }

    @WithSession
    public Uni<List<FeeView>> history() {
        return fees.history().map(list -> list.stream().map(f -> FeeView.of(f, billing.taxRatePercent())).toList());
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
