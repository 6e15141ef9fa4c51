package io.certdesk.keystore.issuance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issuance request as the API shows it. */
@Schema(name = "Issuance")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuanceView(UUID id, UUID keyId, Issuance.Issuer issuer, Issuance.Status status, String serverId,
        String masterDomain, UUID certificateId, String problemType, String problemDetail, int attempts,
        Instant createdAt, Instant updatedAt) {

    static IssuanceView of(Issuance i) {
        return new IssuanceView(i.id, i.keyId, i.issuer, i.status, i.serverId, i.masterDomain, i.certificateId,
                i.problemType, i.problemDetail, i.attempts, i.createdAt, i.updatedAt);
    }
}
