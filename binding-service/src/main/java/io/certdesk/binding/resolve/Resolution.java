package io.certdesk.binding.resolve;

import io.certdesk.binding.binding.BindingId;
import io.certdesk.binding.platform.CertificateId;
import io.certdesk.binding.platform.ServerId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which binding answers a TLS connection, and why. */
@Schema(name = "Resolution")
public record Resolution(
        BindingId bindingId,
        String domain,
        ServerId serverId,
        String serverHostname,
        @Schema(description = "The keystore certificate linked to the binding (only bindings with one answer)")
        CertificateId certificateId,
        @Schema(description = "The certificate chain file the web server loads for it") String certificateFile,
        @Schema(description = "SERVER_NAME: the client's SNI matched the domain; DEFAULT: the endpoint's default answered")
        Match matchedBy,
        String httpsUrl) {

    /** How the binding was chosen. */
    @Schema(name = "ResolutionMatch")
    public enum Match {
        SERVER_NAME,
        DEFAULT
    }
}
