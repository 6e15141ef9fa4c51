package io.certdesk.keystore.key;

import io.certdesk.keystore.pki.KeyAlgorithm;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to generate, and for whom. */
@Schema(name = "KeyRequest")
public record KeyRequest(
        @NotBlank @Size(max = 64) @Schema(description = "Owning customer's id in order-service", examples = "C-1") String customerId,
        @NotBlank @Size(max = 200) @Schema(description = "What the key serves, e.g. the domain", examples = "www.aaa.co.jp") String label,
        @Size(max = 64) @Schema(description = "The order in order-service this key was made for", examples = "ORD-2026-0001") String orderRef,
        @NotNull KeyAlgorithm algorithm) {
}
