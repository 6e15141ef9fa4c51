package io.certdesk.binding.binding;

import io.certdesk.binding.platform.CertificateId;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Links (or, with nulls, unlinks) the keystore certificate a binding serves, with what the probe should find. */
@Schema(name = "CertificateLink")
public record CertificateRequest(
        @Schema(description = "The keystore certificate; null unlinks", nullable = true) CertificateId certificateId,
        @Pattern(regexp = "([0-9a-f]{2}:){31}[0-9a-f]{2}", message = "must be a SHA-256 fingerprint, colon-separated lower-case hex")
        @Schema(description = "SHA-256 of the certificate as keystore-service reports it (sha256Fingerprint); given with "
                + "the certificate, so the served-certificate probe can compare", nullable = true)
        String certificateFingerprint) {
}
