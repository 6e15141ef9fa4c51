package io.certdesk.order.quote;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.ServerId;
import io.certdesk.order.platform.TermId;
import io.certdesk.order.product.Issuer;
import io.certdesk.order.product.KeyAlgorithm;
import io.certdesk.order.product.ValidationLevel;
import java.util.List;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote: CA application fee + setup fee = total, all tax included, with the tax it contains. */
@Schema(name = "Quote")
public record QuoteView(
        QuoteId id,
        CustomerId customerId,
        String productCode,
        String productName,
        ValidationLevel validationLevel,
        OrderType type,
        String domain,
        ServerId serverId,
        @Schema(description = "Who signs the certificate (from the product when quoted)") Issuer issuer,
        KeyAlgorithm keyAlgorithm,
        BindingStrategy bindingStrategy,
        @Schema(description = "Where the site will answer, as binding-service previewed it", nullable = true) String httpsUrl,
        @Schema(description = "What the customer should know about the placement (e.g. a port other than 443)")
        List<String> bindingWarnings,
        @Schema(description = "CA application fee (申請料), tax included") long applicationFeeJpy,
        @Schema(description = "Setup and application-agency fee (設定作業及び申請代行手数料), tax included") long setupFeeJpy,
        long totalJpy,
        int taxRatePercent,
        @Schema(description = "Consumption tax contained in the total, rounded down") long containedTaxJpy,
        QuoteStatus status,
        Instant createdAt,
        String createdBy,
        @Schema(nullable = true) Instant acceptedAt,
        @Schema(nullable = true) String acceptedBy,
        @Schema(nullable = true, description = "The paid term this quote renews, when a renewal notice drafted it") TermId renewalTermId) {

    public static QuoteView of(Quote q) {
        return new QuoteView(QuoteId.of(q.id), new CustomerId(q.customerId), q.productCode, q.productName, q.validationLevel, q.orderType,
                q.domain, new ServerId(q.serverId), q.issuer, q.keyAlgorithm, q.bindingStrategy, q.httpsUrl,
                q.bindingWarnings == null || q.bindingWarnings.isEmpty() ? List.of() : List.of(q.bindingWarnings.split("\n")),
                q.applicationFeeJpy, q.setupFeeJpy, q.totalJpy, q.taxRatePercent,
                q.containedTaxJpy, q.status, q.createdAt, q.createdBy, q.acceptedAt, q.acceptedBy, q.renewalTermId == null ? null : TermId.of(q.renewalTermId));
    }
}
