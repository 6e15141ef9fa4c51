package io.certdesk.keystore.certificate;

import io.certdesk.keystore.issuance.IssuanceId;
import io.certdesk.keystore.platform.CertificateId;
import io.certdesk.keystore.platform.CustomerId;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.OrderId;
import io.certdesk.keystore.platform.ServerId;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issued certificate as the API shows it. */
@Schema(name = "Certificate")
public record CertificateView(
        CertificateId id,
        KeyId keyId,
        IssuanceId issuanceId,
        CustomerId customerId,
        @Schema(description = "The order in order-service it was issued for", nullable = true) OrderId orderId,
        @Schema(description = "Serial number, hex") String serial,
        String issuer,
        String subject,
        List<String> dnsNames,
        @Schema(description = "Start of validity (notBefore)") Instant validFromAt,
        @Schema(description = "End of validity (notAfter)") Instant expiresAt,
        @Schema(description = "SHA-256 of the DER certificate, colon-separated hex") String sha256Fingerprint,
        String certificatePem,
        @Schema(description = "Intermediate certificates, the leaf's issuer first") String chainPem,
        @Schema(description = "Master domain of the server it was issued for; a move needs the same one") String masterDomain,
        @Schema(description = "Servers it may be deployed to") List<Placement> servers) {

    /** A server the certificate may be deployed to. */
    @Schema(name = "CertificatePlacement")
    public record Placement(ServerId serverId, String masterDomain, Instant addedAt) {
    }

    static CertificateView of(Certificate c, List<CertificateServer> placements) {
        return new CertificateView(CertificateId.of(c.id), KeyId.of(c.keyId), IssuanceId.of(c.issuanceId),
                new CustomerId(c.customerId), c.orderId == null ? null : new OrderId(c.orderId), c.serial, c.issuerDn,
                c.subjectDn, List.of(c.dnsNames.split("\n")), c.notBefore, c.notAfter, c.sha256, c.certificatePem,
                c.chainPem, c.masterDomain, placements.stream().filter(p -> p.certificateId.equals(c.id))
                        .map(p -> new Placement(new ServerId(p.serverId), p.masterDomain, p.addedAt)).toList());
    }
}
