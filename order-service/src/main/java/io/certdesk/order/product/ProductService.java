package io.certdesk.order.product;

import io.certdesk.order.platform.Times;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The certificate product catalog. */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;

    public ProductService(ProductRepository products) {
        this.products = products;
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
            p.createdAt = Times.now();
            p.updatedAt = p.createdAt;
            return products.persistAndFlush(p).map(ProductView::of);
        }).onFailure(UniqueViolation::test).transform(e -> duplicate(request.code()));
    }

    @WithTransaction
    public Uni<ProductView> update(String code, ProductUpdate update) {
        return require(code).flatMap(p -> {
            if (p.version != update.version()) {
                return Uni.createFrom().failure(DomainException.conflict("Product '" + code
                        + "' was changed by someone else (version " + p.version + ", you sent " + update.version()
                        + "); read it again and retry"));
            }
            p.name = update.name().strip();
            p.caBrand = update.caBrand().strip();
            p.validationLevel = update.validationLevel();
            p.validityMonths = update.validityMonths();
            p.applicationFeeJpy = update.applicationFeeJpy();
            p.active = update.active();
            p.updatedAt = Times.now();
            return products.flush().map(ignored -> ProductView.of(p));
        });
    }

    @WithSession
    public Uni<ProductView> get(String code) {
        return require(code).map(ProductView::of);
    }

    @WithSession
    public Uni<Page<ProductView>> list(boolean includeInactive, int page, int size) {
        return products.page(includeInactive, page, size).flatMap(items -> products.countListed(includeInactive)
                .map(total -> new Page<>(items.stream().map(ProductView::of).toList(), page, size, total)));
    }

    private Uni<Product> require(String code) {
        return products.findByCode(code)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Product", code));
    }

    private static DomainException duplicate(String code) {
        return DomainException.conflict("A product with code '" + code + "' already exists");
    }
}
