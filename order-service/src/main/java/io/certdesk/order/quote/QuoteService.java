package io.certdesk.order.quote;

import io.certdesk.order.customer.CustomerService;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.fee.FeeService;
import io.certdesk.order.fee.Tax;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.DomainNames;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.certdesk.order.product.ProductRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/** Quotes: price a certificate purchase from the catalog and the fee schedule, and record its acceptance. */
@ApplicationScoped
public class QuoteService {

    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "totalJpy", "totalJpy",
            "status", "status", "id", "id");

    private final QuoteRepository quotes;
    private final CustomerService customers;
    private final ProductRepository products;
    private final FeeService fees;
    private final BillingConfig billing;
    private final ETags etags;

    public QuoteService(QuoteRepository quotes, CustomerService customers, ProductRepository products,
            FeeService fees, BillingConfig billing, ETags etags) {
        this.etags = etags;
        this.quotes = quotes;
        this.customers = customers;
        this.products = products;
        this.fees = fees;
        this.billing = billing;
    }

    @WithTransaction
    public Uni<QuoteView> create(QuoteRequest request, String actor) {
        DomainNames.Result domain = DomainNames.canonical(request.domain());
        if (domain.name().isEmpty()) {
            return Uni.createFrom().failure(DomainException.invalid("domain", domain.problem()));
        }
        Instant now = Times.now();
        String customerId = request.customerId().value();
        return customers.require(customerId, null)
                .onFailure(DomainException.class).transform(e -> DomainException.unknownReference("customerId",
                        "customer", customerId))
                .flatMap(customer -> products.findByCode(request.productCode()))
                .flatMap(product -> {
                    if (product == null || !product.active) {
                        return Uni.createFrom().failure(DomainException.unknownReference("productCode",
                                "product (offered now)", request.productCode()));
                    }
                    return fees.validAt(request.type(), now).map(fee -> {
                        Quote q = new Quote();
                        q.customerId = customerId;
                        q.productCode = product.code;
                        q.productName = product.name;
                        q.validationLevel = product.validationLevel;
                        q.requiresAttorneyLetter = product.requiresAttorneyLetter;
                        q.orderType = request.type();
                        q.domain = domain.name().get();
                        q.serverId = request.serverId().value();
                        q.applicationFeeJpy = product.applicationFeeJpy;
                        q.setupFeeJpy = fee.setupFeeJpy;
                        q.feeScheduleId = fee.id;
                        q.totalJpy = Math.addExact(q.applicationFeeJpy, q.setupFeeJpy);
                        q.taxRatePercent = billing.taxRatePercent();
                        q.containedTaxJpy = Tax.contained(q.totalJpy, q.taxRatePercent);
                        q.status = QuoteStatus.OPEN;
                        q.createdAt = now;
                        q.createdBy = actor;
                        return q;
                    });
                })
                .flatMap(q -> quotes.persistAndFlush(q))
                .map(QuoteView::of);
    }

    /** Accepting twice is harmless: the second call answers the quote as it is. */
    @WithTransaction
    public Uni<QuoteView> accept(long id, String scope, String actor, String ifMatch) {
        return quotes.findForUpdate(id)
                .map(q -> q == null || (scope != null && !scope.equals(q.customerId)) ? null : q)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Quote", id))
                .map(q -> {
                    etags.check(ifMatch, QuoteView.of(q), false);
                    if (q.status == QuoteStatus.OPEN) {
                        q.status = QuoteStatus.ACCEPTED;
                        q.acceptedAt = Times.now();
                        q.acceptedBy = actor;
                    }
                    return QuoteView.of(q);
                });
    }

    @WithSession
    public Uni<Page<QuoteView>> list(String customerId, QuoteStatus status, PageRequest paging) {
        var query = quotes.filtered(customerId, status, paging.sort(SORTS, "-createdAt", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(QuoteView::of).toList(), total)));
    }

    @WithSession
    public Uni<QuoteView> get(long id, String scope) {
        return require(id, scope).map(QuoteView::of);
    }

    /** The quote if {@code scope} may see it; runs in the caller's session. */
    public Uni<Quote> require(long id, String scope) {
        return quotes.findById(id)
                .map(q -> q == null || (scope != null && !scope.equals(q.customerId)) ? null : q)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Quote", id));
    }

    public Uni<Quote> requireForUpdate(long id, String scope) {
        return quotes.findForUpdate(id)
                .map(q -> q == null || (scope != null && !scope.equals(q.customerId)) ? null : q)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Quote", id));
    }
}
