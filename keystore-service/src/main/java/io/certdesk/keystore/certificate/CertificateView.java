package io.certdesk.keystore.certificate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issued certificate as the API shows it. */
@Schema(name = "Certificate")
public record CertificateView(
        UUID id,
        UUID keyId,
        UUID issuanceId,
        String customerId,
        String orderRef,
        @Schema(description = "Serial number, hex") String serial,
        String issuer,
        String subject,
        List<String> dnsNames,
        Instant notBefore,
        Instant notAfter,
        @Schema(description = "SHA-256 of the DER certificate, colon-separated hex") String sha256Fingerprint,
        String certificatePem,
        @Schema(description = "Intermediate certificates, the leaf's issuer first") String chainPem,
        @Schema(description = "Master domain of the server it was issued for; a move needs the same one") String masterDomain,
        @Schema(description = "Servers it may be deployed to") List<Placement> servers) {

    /** A server the certificate may be deployed to. */
    @Schema(name = "CertificatePlacement")
    public record Placement(String serverId, String masterDomain, Instant addedAt) {
    }

    static CertificateView of(Certificate c, List<CertificateServer> placements) {
        return new CertificateView(c.id, c.keyId, c.issuanceId, c.customerId, c.orderRef, c.serial, c.issuerDn,
                c.subjectDn, List.of(c.dnsNames.split("\n")), c.notBefore, c.notAfter, c.sha256, c.certificatePem,
                c.chainPem, c.masterDomain, placements.stream().filter(p -> p.certificateId.equals(c.id))
                        .map(p -> new Placement(p.serverId, p.masterDomain, p.addedAt)).toList());
    }
}
