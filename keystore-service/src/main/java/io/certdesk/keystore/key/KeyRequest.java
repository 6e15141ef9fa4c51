package io.certdesk.keystore.key;

import io.certdesk.keystore.pki.KeyAlgorithm;
import io.certdesk.keystore.platform.CustomerId;
import io.certdesk.keystore.platform.OrderId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to generate, and for whom. */
@Schema(name = "KeyRequest")
public record KeyRequest(
        @NotNull @Schema(description = "Owning customer's id in order-service") CustomerId customerId,
        @NotBlank @Size(max = 200) @Schema(description = "What the key serves, e.g. the domain", examples = "www.aaa.co.jp") String label,
        @Schema(description = "The order in order-service this key was made for") OrderId orderId,
        @NotNull KeyAlgorithm algorithm) {
}
