package io.certdesk.order.ordering;

import io.certdesk.order.platform.CertificateId;
import io.certdesk.order.quote.QuoteId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Step 1: order the certificate of an accepted quote. */
@Schema(name = "CreateOrderRequest")
public record CreateOrderRequest(
        @NotNull QuoteId quoteId,
        @Schema(description = "For a RENEWAL quote: the certificate being renewed (required then, refused otherwise)")
        CertificateId renewsCertificateId,
        @Schema(description = "The site's launch date; the application to the CA waits until a few days before it")
        LocalDate launchDate,
        @Size(max = 2000) String note) {
}
