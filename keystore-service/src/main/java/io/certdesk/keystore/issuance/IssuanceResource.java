package io.certdesk.keystore.issuance;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Getting a key's CSR signed: MANUAL upload, ACME, or the LOCAL development CA. */
@Path("/issuances")
@Tag(name = "Issuances")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "jwt")
public class IssuanceResource {

    /** Largest certificate upload accepted: a leaf with a long chain fits many times over. */
    static final int MAX_UPLOAD = 256 * 1024;

    private final IssuanceService issuances;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;

    public IssuanceResource(IssuanceService issuances, AuditLog audit, CurrentActor actor, Caller caller) {
        this.issuances = issuances;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "requestIssuance", summary = "Apply for a certificate for a key's CSR (LOCAL answers ISSUED at once)")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<RestResponse<IssuanceView>> create(@NotNull @Valid IssuanceRequest request, UriInfo uri) {
        return audit.auditedFor(actor.get(), "issuance.create", (IssuanceView i) -> i == null ? request.keyId().toString() : i.id().toString(),
                        "issuer=" + request.issuer() + " key=" + request.keyId(),
                        () -> issuances.create(request, caller.subject()))
                .map(i -> RestResponse.ResponseBuilder.<IssuanceView>created(
                        uri.getAbsolutePathBuilder().path(i.id().toString()).build()).entity(i).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getIssuance", summary = "Where an issuance stands, with the CA's problem when it failed")
    public Uni<IssuanceView> get(@PathParam("id") UUID id) {
        return issuances.get(id);
    }

    @POST
    @Path("/{id}/certificate")
    @Consumes({"application/x-pem-file", MediaType.TEXT_PLAIN, "application/pkix-cert", "application/pkcs7-mime",
        MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "uploadCertificate", summary = "MANUAL: upload the certificate and chain the CA sent (PEM or DER, any order)")
    public Uni<IssuanceView> upload(@PathParam("id") UUID id, byte[] body) {
        return audit.audited(actor.get(), "issuance.upload", id.toString(), null, () -> {
            if (body == null || body.length == 0) {
                return Uni.createFrom().failure(DomainException.invalid("body", "send the certificate (PEM or DER)"));
            }
            if (body.length > MAX_UPLOAD) {
                return Uni.createFrom().failure(DomainException.invalid("body", "at most " + MAX_UPLOAD + " bytes"));
            }
            return issuances.upload(id, body, caller.subject());
        });
    }
}
