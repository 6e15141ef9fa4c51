package io.certdesk.binding.binding;

import io.certdesk.binding.platform.CertificateId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Links (or, with null, unlinks) the keystore certificate a binding serves. */
@Schema(name = "CertificateLink")
public record CertificateRequest(
        @Schema(description = "The keystore certificate; null unlinks", nullable = true) CertificateId certificateId) {
}
