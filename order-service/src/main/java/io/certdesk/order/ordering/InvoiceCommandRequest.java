package io.certdesk.order.ordering;

import io.certdesk.order.invoice.ExtraCharge;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Step 2: invoice the order; other prepaid charges of the customer may be billed together. */
@Schema(name = "InvoiceCommandRequest")
public record InvoiceCommandRequest(
        @Size(max = 20) List<@NotNull @Valid ExtraCharge> extraCharges,
        @Size(max = 2000) String note) {
}
