package io.certdesk.keystore.key;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.certdesk.keystore.pki.CsrSubject;
import io.certdesk.keystore.pki.KeyAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key's public side and metadata; the private key and passphrase never appear here. */
@Schema(name = "Key")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(
        UUID id,
        String customerId,
        String label,
        String orderRef,
        KeyAlgorithm algorithm,
        @Schema(description = "SHA-256 of the SubjectPublicKeyInfo, colon-separated hex") String publicKeyFingerprint,
        String publicKeyPem,
        Csr csr,
        Instant createdAt,
        String createdBy) {

    /** The key's current CSR. */
    @Schema(name = "Csr")
    public record Csr(String pem, String subject, List<String> dnsNames, CsrSubject.ValidationLevel validationLevel,
            Instant createdAt) {
    }
}
