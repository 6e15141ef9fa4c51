package io.certdesk.keystore.issuance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Get the CSR of a key signed, for a server with a master domain. */
@Schema(name = "IssuanceRequest")
public record IssuanceRequest(
        @NotNull UUID keyId,
        @NotNull Issuance.Issuer issuer,
        @NotBlank @Size(max = 64) @Schema(description = "The server (binding-service id) the certificate is for") String serverId,
        @NotBlank @Size(max = 253) @Schema(description = "That server's master domain; a later move needs the same one") String masterDomain) {
}
