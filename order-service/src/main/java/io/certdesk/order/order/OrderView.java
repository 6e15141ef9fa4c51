package io.certdesk.order.order;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.platform.CertificateId;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.OrderId;
import io.certdesk.order.platform.ServerId;
import io.certdesk.order.product.ValidationLevel;
import io.certdesk.order.quote.QuoteId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as the API shows it, with the commands it accepts now. */
@Schema(name = "Order")
public record OrderView(
        OrderId id,
        QuoteId quoteId,
        CustomerId customerId,
        String productCode,
        ValidationLevel validationLevel,
        OrderType type,
        String domain,
        ServerId serverId,
        @Schema(description = "For a RENEWAL: the certificate it renews", nullable = true)
        CertificateId renewsCertificateId,
        @Schema(description = "The site's launch date (Asia/Tokyo)", nullable = true) LocalDate launchDate,
        @Schema(description = "First day the application may be sent: launch date minus the configured lead days",
                nullable = true)
        LocalDate earliestApplicationDate,
        @Schema(nullable = true) CertificateId certificateId,
        OrderState state,
        @Schema(description = "Commands the order accepts in its current state; each is one operation (see OrderCommand)")
        List<OrderCommand> allowedCommands,
        Instant createdAt,
        Instant updatedAt) {

    static OrderView of(CertificateOrder o, int leadDays) {
        return new OrderView(OrderId.of(o.id), QuoteId.of(o.quoteId), new CustomerId(o.customerId), o.productCode,
                o.validationLevel, o.orderType, o.domain, new ServerId(o.serverId),
                o.renewsCertificateId == null ? null : new CertificateId(o.renewsCertificateId), o.launchDate,
                o.launchDate == null ? null : o.launchDate.minusDays(leadDays),
                o.certificateId == null ? null : new CertificateId(o.certificateId), o.state,
                OrderTransition.allowed(o.validationLevel, o.state), o.createdAt, o.updatedAt);
    }
}
