package io.certdesk.order.renewal;

import io.certdesk.order.order.OrderRepository;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.platform.CertificateId;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.OrderId;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.ServerId;
import io.certdesk.order.platform.TermId;
import io.certdesk.order.quote.QuoteId;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** "What expires this month": paid terms with their certificates, notices and renewal orders. */
@ApplicationScoped
public class RenewalService {

    private static final Map<String, String> SORTS = Map.of("endDate", "endsOn", "startDate", "startsOn", "id", "id");

    private final TermRepository terms;
    private final OrderRepository orders;
    private final Clock clock;

    public RenewalService(TermRepository terms, OrderRepository orders, Clock clock) {
        this.terms = terms;
        this.orders = orders;
        this.clock = clock;
    }

    /** The filters of {@code GET /renewals}; null means any. */
    public record Filter(String customerId, LocalDate endsOnFrom, LocalDate endsOnTo, RenewalStatus status) {
    }

    @WithSession
    public Uni<Page<RenewalView>> list(Filter f, PageRequest paging) {
        LocalDate today = LocalDate.now(clock.withZone(Terms.TOKYO));
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.customerId() != null) {
            where.add("t.customerId = :customer");
            params.and("customer", f.customerId());
        }
        if (f.endsOnFrom() != null) {
            where.add("t.endsOn >= :from");
            params.and("from", f.endsOnFrom());
        }
        if (f.endsOnTo() != null) {
            where.add("t.endsOn <= :to");
            params.and("to", f.endsOnTo());
        }
        String underWay = "exists (select 1 from CertificateOrder r where r.id = t.renewalOrderId and r.state <> :cancelled)";
        if (f.status() != null) {
            if (f.status() == RenewalStatus.RENEWED) {
                params.and("renewed", CertificateTerm.State.RENEWED);
            } else {
                params.and("active", CertificateTerm.State.ACTIVE).and("cancelled", OrderState.CANCELLED);
            }
            switch (f.status()) {
                case RENEWED -> where.add("t.state = :renewed");
                case RENEWAL_UNDER_WAY -> where.add("t.state = :active and "
                        + underWay);
                case EXPIRED -> {
                    where.add("t.state = :active and t.endsOn < :today and not "
                            + underWay);
                    params.and("today", today);
                }
                case ACTIVE -> {
                    where.add("t.state = :active and t.endsOn >= :today and not "
                            + underWay);
                    params.and("today", today);
                }
                default -> throw new IllegalStateException("unknown status " + f.status());
            }
        }
        var query = terms.find("from CertificateTerm t" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)),
                paging.sort(SORTS, "endDate", "id"), params);
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .flatMap(total -> views(items, today).map(views -> paging.page(views, total))));
    }

    private Uni<List<RenewalView>> views(List<CertificateTerm> items, LocalDate today) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = items.stream().map(t -> t.id).toList();
        List<Long> renewalOrders = items.stream().map(t -> t.renewalOrderId).filter(java.util.Objects::nonNull).toList();
        Uni<List<RenewalNotice>> notices = terms.getSession().flatMap(s -> s.createSelectionQuery(
                "from RenewalNotice where termId in :ids order by termId, noticedOn, windowDays desc", RenewalNotice.class)
                .setParameter("ids", ids).getResultList());
        Uni<Map<Long, OrderState>> states = renewalOrders.isEmpty() ? Uni.createFrom().item(Map.of())
                : orders.list("id in ?1", renewalOrders).map(list -> list.stream()
                        .collect(Collectors.toMap(o -> o.id, o -> o.state)));
        // one session runs one query at a time: the notices first, then the renewal orders' states
        return notices.flatMap(n -> states.map(st -> io.smallrye.mutiny.tuples.Tuple2.of(n, st))).map(both -> {
            Map<Long, List<RenewalView.Notice>> byTerm = both.getItem1().stream().collect(Collectors.groupingBy(
                    n -> n.termId, Collectors.mapping(n -> new RenewalView.Notice(n.windowDays, n.noticedOn,
                            n.quoteId == null ? null : QuoteId.of(n.quoteId)), Collectors.toList())));
            return items.stream().map(t -> {
                OrderState renewal = t.renewalOrderId == null ? null : both.getItem2().get(t.renewalOrderId);
                boolean underWay = renewal != null && renewal != OrderState.CANCELLED;
                RenewalStatus status = t.state == CertificateTerm.State.RENEWED ? RenewalStatus.RENEWED
                        : underWay ? RenewalStatus.RENEWAL_UNDER_WAY
                        : t.endsOn.isBefore(today) ? RenewalStatus.EXPIRED : RenewalStatus.ACTIVE;
                return new RenewalView(TermId.of(t.id), new CustomerId(t.customerId), OrderId.of(t.orderId), t.productCode,
                        t.domain, new ServerId(t.serverId), t.startsOn, t.endsOn, ChronoUnit.DAYS.between(today, t.endsOn),
                        t.certificateId == null ? null : new CertificateId(t.certificateId), t.certificateExpiresAt, t.issuer,
                        t.reissueAt, t.ariWindowStart, t.ariWindowEnd,
                        t.reissueOrderId == null ? null : OrderId.of(t.reissueOrderId), status,
                        t.renewalOrderId == null ? null : OrderId.of(t.renewalOrderId),
                        byTerm.getOrDefault(t.id, List.of()));
            }).toList();
        });
    }
}
