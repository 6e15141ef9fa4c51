package io.certdesk.keystore.key;

import io.certdesk.keystore.pki.CsrSubject;
import io.certdesk.keystore.pki.KeyAlgorithm;
import io.certdesk.keystore.platform.CustomerId;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.OrderId;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key's public side and metadata; the private key and passphrase never appear here. */
@Schema(name = "Key")
public record KeyView(
        KeyId id,
        CustomerId customerId,
        String label,
        @Schema(description = "The order in order-service it was made for", nullable = true) OrderId orderId,
        KeyAlgorithm algorithm,
        @Schema(description = "ABANDONED keys are kept and audited but never used, exported or revealed")
        KeyStatus status,
        @Schema(description = "When the key was abandoned", nullable = true) Instant abandonedAt,
        @Schema(description = "SHA-256 of the SubjectPublicKeyInfo, colon-separated hex") String publicKeyFingerprint,
        String publicKeyPem,
        @Schema(description = "The key's current CSR; null until one is made", nullable = true) Csr csr,
        Instant createdAt,
        String createdBy) {

    /** Whether a key may still be used. */
    @Schema(name = "KeyStatus")
    public enum KeyStatus { ACTIVE, ABANDONED }

    /** The key's current CSR. */
    @Schema(name = "Csr")
    public record Csr(
            String pem,
            String subject,
            List<String> dnsNames,
            CsrSubject.ValidationLevel validationLevel,
            @Schema(description = "SHA-256 of the DER CSR, colon-separated hex") String fingerprint,
            Instant createdAt) {
    }
}
