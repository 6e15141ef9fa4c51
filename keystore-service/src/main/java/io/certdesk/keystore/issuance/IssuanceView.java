package io.certdesk.keystore.issuance;

import io.certdesk.keystore.platform.CertificateId;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.ServerId;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issuance request as the API shows it. */
@Schema(name = "Issuance")
public record IssuanceView(
        IssuanceId id,
        KeyId keyId,
        Issuance.Issuer issuer,
        Issuance.Status status,
        ServerId serverId,
        String masterDomain,
        @Schema(description = "Once ISSUED: the certificate", nullable = true) CertificateId certificateId,
        @Schema(description = "Once FAILED: the CA's problem type", nullable = true) String problemType,
        @Schema(description = "Once FAILED: the CA's explanation", nullable = true) String problemDetail,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    static IssuanceView of(Issuance i) {
        return new IssuanceView(IssuanceId.of(i.id), KeyId.of(i.keyId), i.issuer, i.status, new ServerId(i.serverId),
                i.masterDomain, i.certificateId == null ? null : CertificateId.of(i.certificateId), i.problemType,
                i.problemDetail, i.attempts, i.createdAt, i.updatedAt);
    }
}
