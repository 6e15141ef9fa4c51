package io.certdesk.keystore.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The files a web server needs for one domain, in the layout binding-service's configuration reads. */
@Schema(name = "DeployMaterial")
public record DeployMaterial(
        String serverId,
        String domain,
        UUID certificateId,
        Instant notAfter,
        @Schema(description = "Directory to write the files into, e.g. /etc/certdesk/tls/www.aaa.co.jp") String directory,
        List<File> files) {

    /** One file: its name in the directory, its permission bits, and its text. */
    @Schema(name = "DeployFile")
    public record File(@Schema(examples = "privkey.pem") String name, @Schema(examples = "0600") String mode, String content) {
    }
}
