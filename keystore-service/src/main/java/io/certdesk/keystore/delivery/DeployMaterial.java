package io.certdesk.keystore.delivery;

import io.certdesk.keystore.platform.CertificateId;
import io.certdesk.keystore.platform.ServerId;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The files a web server needs for one domain, in the layout binding-service's configuration reads. */
@Schema(name = "DeployMaterial")
public record DeployMaterial(
        ServerId serverId,
        String domain,
        CertificateId certificateId,
        @Schema(description = "Certificate SHA-256 fingerprint, colon-separated hex, to compare with what the server serves")
        String sha256Fingerprint,
        Instant expiresAt,
        @Schema(description = "Directory to write the files into, e.g. /etc/certdesk/tls/www.aaa.co.jp") String directory,
        List<File> files) {

    /** One file: its name in the directory, its permission bits, and its text. */
    @Schema(name = "DeployFile")
    public record File(@Schema(examples = "privkey.pem") String name, @Schema(examples = "0600") String mode, String content) {

        /** Never the content (the encrypted key, the passphrase). */
        @Override
        public String toString() {
            return "File[name=" + name + ", mode=" + mode + ", content=(hidden)]";
        }
    }
}
