package io.certdesk.order.phone;

import io.certdesk.order.customer.ContactId;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposed time for the CA's call and the contact who will answer it. */
@Schema(name = "SlotRequest")
public record SlotRequest(
        @NotNull @Schema(description = "A contact of the customer authorised for the CA's call") ContactId contactId,
        @NotNull @Schema(examples = "2026-12-03T14:00:00+09:00") OffsetDateTime slotStartsAt) {
}
