package io.certdesk.order.order;

import io.certdesk.order.platform.CertificateId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Step 9: the CA issued the certificate; until the keystore is wired in, staff name the imported certificate. */
@Schema(name = "IssueRequest")
public record IssueRequest(
        @NotNull @Schema(description = "The keystore's id of the imported certificate") CertificateId certificateId,
        @Size(max = 2000) String note) {
}
