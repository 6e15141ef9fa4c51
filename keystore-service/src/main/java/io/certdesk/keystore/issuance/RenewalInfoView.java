package io.certdesk.keystore.issuance;

import io.certdesk.keystore.acme.AcmeClient;
import io.certdesk.keystore.platform.CertificateId;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the ACME CA advises about renewing a certificate (ACME Renewal Information, RFC 9773). */
@Schema(name = "RenewalInfo")
public record RenewalInfoView(
        CertificateId certificateId,
        @Schema(description = "OFFERED: the CA suggests a window; NOT_OFFERED: its directory has no renewal information "
                + "(renew at the usual share of the lifetime); UNAVAILABLE: the CA could not be asked now (ask later)")
        Status status,
        @Schema(description = "Start of the window the CA suggests for renewing", nullable = true) Instant suggestedWindowStartAt,
        @Schema(description = "End of the suggested window", nullable = true) Instant suggestedWindowEndAt,
        @Schema(description = "When the CA wants to be asked again (its Retry-After), if it said", nullable = true)
        Instant checkAgainAt,
        @Schema(description = "The CA's page explaining the window (e.g. a revocation incident)", nullable = true)
        String explanationUrl,
        @Schema(description = "Why there is no window", nullable = true) String detail) {

    /** Whether the CA advised. */
    @Schema(name = "RenewalInfoStatus")
    public enum Status {
        OFFERED, NOT_OFFERED, UNAVAILABLE
    }

    static RenewalInfoView of(UUID certificateId, AcmeClient.Advice advice) {
        CertificateId id = CertificateId.of(certificateId);
        if (advice instanceof AcmeClient.Advice.Window w) {
            return new RenewalInfoView(id, Status.OFFERED, w.start(), w.end(), w.checkAgainAt(), w.explanationUrl(), null);
        }
        if (advice instanceof AcmeClient.Advice.NotOffered n) {
            return new RenewalInfoView(id, Status.NOT_OFFERED, null, null, null, null, n.reason());
        }
        return new RenewalInfoView(id, Status.UNAVAILABLE, null, null, null, null,
                ((AcmeClient.Advice.Unavailable) advice).detail());
    }
}
