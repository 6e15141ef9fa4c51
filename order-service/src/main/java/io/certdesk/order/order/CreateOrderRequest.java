package io.certdesk.order.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Step 1: order the certificate of an accepted quote. */
@Schema(name = "CreateOrderRequest")
public record CreateOrderRequest(
        @NotNull Long quoteId,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be a certificate id")
        @Schema(description = "For a RENEWAL quote: the certificate being renewed (required then, refused otherwise)")
        String renewsCertificateId,
        @Schema(description = "The site's launch date; the application to the CA waits until a few days before it")
        LocalDate launchDate,
        @Size(max = 2000) String note) {
}
