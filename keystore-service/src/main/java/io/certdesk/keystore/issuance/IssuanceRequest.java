package io.certdesk.keystore.issuance;

import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.ServerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Get the CSR of a key signed, for a server with a master domain. */
@Schema(name = "IssuanceRequest")
public record IssuanceRequest(
        @NotNull KeyId keyId,
        @NotNull Issuance.Issuer issuer,
        @NotNull @Schema(description = "The server (binding-service id) the certificate is for") ServerId serverId,
        @NotBlank @Size(max = 253) @Schema(description = "That server's master domain; a later move needs the same one") String masterDomain) {
}
