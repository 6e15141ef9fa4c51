package io.certdesk.binding.binding;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Links (or, with null, unlinks) the keystore certificate a binding serves. */
@Schema(name = "CertificateLink")
public record CertificateRequest(@Size(max = 64) String certificateId) {
}
