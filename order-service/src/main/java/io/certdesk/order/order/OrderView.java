package io.certdesk.order.order;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.product.ValidationLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as the API shows it, with the commands it accepts now. */
@Schema(name = "Order")
public record OrderView(
        long id,
        long quoteId,
        String customerId,
        String productCode,
        ValidationLevel validationLevel,
        OrderType type,
        String domain,
        String serverId,
        String renewsCertificateId,
        LocalDate launchDate,
        @Schema(description = "First day the application may be sent: launch date minus the configured lead days")
        LocalDate earliestApplicationDate,
        String certificateId,
        OrderState state,
        @Schema(description = "Commands (endpoint names under /orders/{id}/) the order accepts in its current state; "
                + "'pay' means recording payments on its invoice") List<String> allowedCommands,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static OrderView of(CertificateOrder o, int leadDays) {
        return new OrderView(o.id, o.quoteId, o.customerId, o.productCode, o.validationLevel, o.orderType, o.domain,
                o.serverId, o.renewsCertificateId, o.launchDate,
                o.launchDate == null ? null : o.launchDate.minusDays(leadDays), o.certificateId, o.state,
                OrderTransition.allowed(o.validationLevel, o.state).stream().map(OrderCommand::slug).toList(),
                o.createdAt, o.updatedAt, o.version);
    }
}
