package io.certdesk.binding.resolve;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which binding answers a TLS connection, and why. */
@Schema(name = "Resolution")
public record Resolution(
        long bindingId,
        String domain,
        long serverId,
        String serverHostname,
        @Schema(description = "The keystore certificate linked to the binding, if any") String certificateId,
        @Schema(description = "The certificate chain file the web server loads for it") String certificateFile,
        @Schema(description = "SERVER_NAME: the client's SNI matched the domain; DEFAULT: the endpoint's default answered")
        Match matchedBy,
        String httpsUrl) {

    /** How the binding was chosen. */
    public enum Match {
        SERVER_NAME,
        DEFAULT
    }
}
