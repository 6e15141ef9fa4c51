package io.certdesk.order.phone;

import io.certdesk.order.customer.ContactId;
import io.certdesk.order.platform.OrderId;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The state of an order's phone verification. */
@Schema(name = "PhoneVerification")
public record PhoneVerificationView(OrderId orderId, ContactId contactId, String contactName,
        @Schema(description = "When the CA calls") Instant slotStartsAt, PhoneStatus status,
        @Schema(nullable = true) String note, Instant updatedAt) {

    static PhoneVerificationView of(PhoneVerification p) {
        return new PhoneVerificationView(OrderId.of(p.orderId), ContactId.of(p.contactId), p.contactName, p.slotStart, p.status, p.note,
                p.updatedAt);
    }
}
