package io.certdesk.order.phone;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The state of an order's phone verification. */
@Schema(name = "PhoneVerification")
public record PhoneVerificationView(long orderId, long contactId, String contactName, Instant slotStart,
        PhoneStatus status, String note, Instant updatedAt) {

    static PhoneVerificationView of(PhoneVerification p) {
        return new PhoneVerificationView(p.orderId, p.contactId, p.contactName, p.slotStart, p.status, p.note,
                p.updatedAt);
    }
}
