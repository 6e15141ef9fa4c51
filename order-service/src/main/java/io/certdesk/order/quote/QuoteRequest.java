package io.certdesk.order.quote;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.ServerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff quote: a product for a customer's domain on one of its servers, new or renewal. */
@Schema(name = "QuoteRequest")
public record QuoteRequest(
        @NotNull CustomerId customerId,
        @NotBlank @Size(max = 64) @Schema(examples = "GS-DV-1Y") String productCode,
        @NotNull OrderType type,
        @NotBlank @Size(max = 253) @Schema(examples = "www.example.co.jp") String domain,
        @NotNull @Schema(description = "The binding-service server the certificate is for; it must be the customer's")
        ServerId serverId,
        @Schema(description = "How the domain is placed on the server; SNI when omitted") BindingStrategy bindingStrategy) {

    /** The strategy asked for, SNI by default. */
    public BindingStrategy strategy() {
        return bindingStrategy == null ? BindingStrategy.SNI : bindingStrategy;
    }
}
