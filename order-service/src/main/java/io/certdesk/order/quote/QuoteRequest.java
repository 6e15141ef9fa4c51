package io.certdesk.order.quote;

import io.certdesk.order.fee.OrderType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff quote: a product for a customer's domain on one of its servers, new or renewal. */
@Schema(name = "QuoteRequest")
public record QuoteRequest(
        @NotBlank @Size(max = 32) @Schema(examples = "C-1") String customerId,
        @NotBlank @Size(max = 64) @Schema(examples = "GS-DV-1Y") String productCode,
        @NotNull OrderType type,
        @NotBlank @Size(max = 253) @Schema(examples = "www.example.co.jp") String domain,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a server id")
        @Schema(description = "The binding-service server the certificate is for", examples = "1") String serverId) {
}
