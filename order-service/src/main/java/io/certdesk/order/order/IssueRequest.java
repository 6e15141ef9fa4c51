package io.certdesk.order.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Step 9: the CA issued the certificate; until the keystore is wired in, staff name the imported certificate. */
@Schema(name = "IssueRequest")
public record IssueRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be a certificate id")
        @Schema(description = "The keystore's id of the imported certificate") String certificateId,
        @Size(max = 2000) String note) {
}
