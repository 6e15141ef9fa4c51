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
import io.certdesk.order.product.Product;
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

    /**
     * The checks of a quote that need no other service: the customer and the product exist, and an OV/EV customer
     * has its certificate subject. Run before binding-service is asked, so a wrong request costs no remote call.
     */
    @WithSession
    public Uni<Void> check(QuoteRequest request) {
        return validated(request).replaceWithVoid();
    }

    /**
     * Writes the quote of {@code request} at the place binding-service previewed ({@link ServerPlacement}, checked
     * before this transaction), with the checks of {@link #check} made again inside it.
     */
    @WithTransaction
    public Uni<QuoteView> create(QuoteRequest request, ServerPlacement.Placement placement, String actor) {
        Instant now = Times.now();
        String customerId = request.customerId().value();
        return validated(request)
                .flatMap(product -> fees.validAt(request.type(), now).map(fee -> {
                        Quote q = new Quote();
                        q.customerId = customerId;
                        q.productCode = product.code;
                        q.productName = product.name;
                        q.validationLevel = product.validationLevel;
                        q.requiresAttorneyLetter = product.requiresAttorneyLetter;
                        q.orderType = request.type();
                        q.domain = placement.domain();
                        q.serverId = request.serverId().value();
                        q.issuer = product.issuer;
                        q.keyAlgorithm = product.keyAlgorithm;
                        q.bindingStrategy = placement.strategy();
                        q.httpsUrl = placement.httpsUrl();
                        q.bindingWarnings = String.join("\n", placement.warnings());
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
                    }))
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

    private Uni<Product> validated(QuoteRequest request) {
        String customerId = request.customerId().value();
        if (!request.type().billed()) {
            return Uni.createFrom().failure(DomainException.invalid("type", "a REISSUE is made by order-service inside a "
                    + "paid term, never quoted; quote NEW or RENEWAL"));
        }
        return customers.require(customerId, null)
                .onFailure(DomainException.class).transform(e -> DomainException.unknownReference("customerId",
                        "customer", customerId))
                .flatMap(customer -> products.findByCode(request.productCode()).map(product -> {
                    if (product == null || !product.active) {
                        throw DomainException.unknownReference("productCode", "product (offered now)",
                                request.productCode());
                    }
                    if (product.validationLevel.requiresOrganisationChecks() && customer.certificateSubject() == null) {
                        throw DomainException.unprocessable("customerId", "customer " + customerId + " has no certificate "
                                + "subject; an " + product.validationLevel + " certificate names the organisation "
                                + "(set certificateSubject on the customer first)");
                    }
                    return product;
                }));
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
