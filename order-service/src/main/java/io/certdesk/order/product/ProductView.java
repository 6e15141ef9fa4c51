package io.certdesk.order.product;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product as the API shows it. */
@Schema(name = "Product")
public record ProductView(
        String code,
        String name,
        String caBrand,
        ValidationLevel validationLevel,
        int validityMonths,
        long applicationFeeJpy,
        boolean active,
        @Schema(description = "EV only: the order's document checklist includes the attorney's opinion letter")
        boolean requiresAttorneyLetter,
        Issuer issuer,
        KeyAlgorithm keyAlgorithm,
        @Schema(description = "Reissues inside a paid term keep the current key (false: a new key each time)")
        boolean reuseKey,
        Instant createdAt,
        Instant updatedAt) {

    static ProductView of(Product p) {
        return new ProductView(p.code, p.name, p.caBrand, p.validationLevel, p.validityMonths,
                p.applicationFeeJpy, p.active, p.requiresAttorneyLetter, p.issuer, p.keyAlgorithm, p.reuseKey, p.createdAt, p.updatedAt);
    }
}
