package io.certdesk.keystore.certificate;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.key.KeyView;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Issued certificates: listing (for renewal notices), moves to another server, reissue. */
@Path("/certificates")
@Tag(name = "Certificates")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "jwt")
public class CertificateResource {

    private final CertificateService certificates;
    private final Reissue reissue;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;

    public CertificateResource(CertificateService certificates, Reissue reissue, AuditLog audit, CurrentActor actor,
            Caller caller) {
        this.certificates = certificates;
        this.reissue = reissue;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
    }

    /** Where to move a certificate. */
    @Schema(name = "MigrationRequest")
    public record MigrationRequest(
            @NotBlank @Size(max = 64) String targetServerId,
            @NotBlank @Size(max = 253) @Schema(description = "The target server's master domain") String targetMasterDomain) {
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "listCertificates", summary = "Issued certificates, soonest expiry first (a customer sees only their own)")
    public Uni<Page<CertificateView>> list(
            @QueryParam("customerId") String customerId,
            @QueryParam("expiringBefore") @Schema(description = "ISO-8601 date-time, e.g. 2027-01-01T00:00:00+09:00") OffsetDateTime expiringBefore,
            @QueryParam("domain") String domain,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String scope = caller.customerScope();
        String customer = scope != null ? scope : (customerId == null || customerId.isBlank() ? null : customerId.strip());
        return certificates.list(customer, expiringBefore == null ? null : expiringBefore.toInstant(),
                domain == null || domain.isBlank() ? null : domain, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "getCertificate", summary = "One certificate with its chain and the servers it may be deployed to")
    public Uni<CertificateView> get(@PathParam("id") UUID id) {
        String scope = caller.customerScope();
        if (scope == null) {
            return certificates.get(id, null);
        }
        return audit.audited(actor.get(), "certificate.read", id.toString(), null, () -> certificates.get(id, scope));
    }

    @POST
    @Path("/{id}/migrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "migrateCertificate", summary = "Let a valid certificate be deployed to another server with the same master domain")
    @APIResponse(responseCode = "200", description = "The certificate may now be deployed to the target server too")
    public Uni<CertificateView> migrate(@PathParam("id") UUID id, @NotNull @Valid MigrationRequest request) {
        return audit.audited(actor.get(), "certificate.migrate", id.toString(),
                "target=" + request.targetServerId() + " masterDomain=" + request.targetMasterDomain(),
                () -> certificates.migrate(id, request.targetServerId(), request.targetMasterDomain(), caller.subject()));
    }

    @POST
    @Path("/{id}/reissue")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "prepareReissue", summary = "A new key and CSR with the same subject and names, for a CA reissue during validity")
    @APIResponse(responseCode = "201", description = "New key with its CSR; apply for it with POST /issuances")
    public Uni<RestResponse<KeyView>> reissue(@PathParam("id") UUID id, @Valid Reissue.Request request, UriInfo uri) {
        return audit.auditedFor(actor.get(), "certificate.reissue", (KeyView k) -> id + (k == null ? "" : " -> " + k.id()),
                        null, () -> reissue.prepare(id, request == null ? null : request.algorithm(), caller.subject()))
                .map(k -> RestResponse.ResponseBuilder.<KeyView>created(
                        uri.getBaseUriBuilder().path("keys").path(k.id().toString()).build()).entity(k).build());
    }
}
