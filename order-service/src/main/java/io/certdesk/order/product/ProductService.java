package io.certdesk.order.product;

import io.certdesk.order.platform.DatabaseFailures;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The certificate product catalog. */
@ApplicationScoped
public class ProductService {

    /** The staff listing's filters: inactive products too, one validation level, free text in code or name. */
    public record Filter(boolean includeInactive, ValidationLevel validationLevel, String q) {
    }

    private static final Map<String, String> SORTS = Map.of("code", "code", "name", "name",
            "validationLevel", "validationLevel", "createdAt", "createdAt");

    private final ProductRepository products;
    private final ETags etags;
    private final CatalogConfig catalog;

    public ProductService(ProductRepository products, ETags etags, CatalogConfig catalog) {
        this.products = products;
        this.etags = etags;
        this.catalog = catalog;
    }

    @WithTransaction
    public Uni<ProductView> create(ProductRequest request) {
        return products.findByCode(request.code()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicate(request.code()));
            }
            Product p = new Product();
            p.code = request.code();
            p.name = request.name().strip();
            p.caBrand = request.caBrand().strip();
            p.validationLevel = request.validationLevel();
            p.validityMonths = request.validityMonths();
            p.applicationFeeJpy = request.applicationFeeJpy();
            p.active = request.active() == null || request.active();
            p.requiresAttorneyLetter = attorneyLetter(request.validationLevel(), request.requiresAttorneyLetter(), true);
            p.issuer = request.issuer() == null ? catalog.defaultIssuer() : request.issuer();
            p.keyAlgorithm = request.keyAlgorithm() == null ? catalog.defaultKeyAlgorithm() : request.keyAlgorithm();
            p.reuseKey = Boolean.TRUE.equals(request.reuseKey());
            p.createdAt = Times.now();
            p.updatedAt = p.createdAt;
            return products.persistAndFlush(p).map(ProductView::of);
        }).onFailure(DatabaseFailures::unique).transform(e -> duplicate(request.code()));
    }

    @WithTransaction
    public Uni<ProductView> update(String code, ProductUpdate update, String ifMatch) {
        return require(code).flatMap(p -> {
            etags.check(ifMatch, ProductView.of(p), true);
            boolean attorneyLetter = attorneyLetter(update.validationLevel(), update.requiresAttorneyLetter(),
                    p.validationLevel != ValidationLevel.EV || p.requiresAttorneyLetter);
            p.name = update.name().strip();
            p.caBrand = update.caBrand().strip();
            p.validationLevel = update.validationLevel();
            p.validityMonths = update.validityMonths();
            p.applicationFeeJpy = update.applicationFeeJpy();
            p.active = update.active();
            p.requiresAttorneyLetter = attorneyLetter;
            if (update.issuer() != null) {
                p.issuer = update.issuer();
            }
            if (update.keyAlgorithm() != null) {
                p.keyAlgorithm = update.keyAlgorithm();
            }
            if (update.reuseKey() != null) {
                p.reuseKey = update.reuseKey();
            }
            p.updatedAt = Times.now();
            return products.flush().map(ignored -> ProductView.of(p));
        });
    }

    @WithSession
    public Uni<ProductView> get(String code) {
        return require(code).map(ProductView::of);
    }

    @WithSession
    public Uni<Page<ProductView>> list(Filter filter, PageRequest paging) {
        var query = products.filtered(filter, paging.sort(SORTS, "code", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(ProductView::of).toList(), total)));
    }

    private Uni<Product> require(String code) {
        return products.findByCode(code)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Product", code));
    }

    /**
     * Whether an EV product needs the attorney's opinion letter: {@code requested}, or {@code fallback} when not
     * sent. Other levels never need it, and asking for it there is refused.
     */
    static boolean attorneyLetter(ValidationLevel level, Boolean requested, boolean fallback) {
        if (level != ValidationLevel.EV) {
            if (Boolean.TRUE.equals(requested)) {
                throw DomainException.invalid("requiresAttorneyLetter", "only an EV product can require an "
                        + "attorney's opinion letter; this one is " + level);
            }
            return false;
        }
        return requested == null ? fallback : requested;
    }

    private static DomainException duplicate(String code) {
        return DomainException.conflict("A product with code '" + code + "' already exists");
    }
}
