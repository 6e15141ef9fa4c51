package io.certdesk.keystore.issuance;

import io.certdesk.keystore.platform.CertificateId;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The ACME CA's advice on when to renew a certificate it issued. It asks the CA, so it lives with the ACME issuer
 * rather than with the stored certificates.
 */
@Path("/certificates/{certificateId}/renewal-info")
@Tag(name = "Certificates")
@Produces(MediaType.APPLICATION_JSON)
public class RenewalInfoResource {

    private final AcmeIssuer acme;

    public RenewalInfoResource(AcmeIssuer acme) {
        this.acme = acme;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getRenewalInfo", summary = "When the ACME CA suggests renewing the certificate (ACME Renewal "
            + "Information, RFC 9773), asked of the CA now; 409 for a certificate another issuer signed",
            description = "status NOT_OFFERED: the CA's directory has no renewal information, renew at the usual share "
                    + "of the lifetime; UNAVAILABLE: the CA could not be reached, ask again later.")
    public Uni<RenewalInfoView> get(@PathParam("certificateId") CertificateId certificateId) {
        return acme.renewalInfo(certificateId.uuid());
    }
}
