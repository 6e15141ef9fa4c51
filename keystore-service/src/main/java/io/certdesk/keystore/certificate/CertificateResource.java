package io.certdesk.keystore.certificate;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.key.KeyView;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.CertificateId;
import io.certdesk.keystore.platform.CustomerId;
import io.certdesk.keystore.platform.ETags;
import io.certdesk.keystore.platform.Idempotency;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.OrderId;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.PageRequest;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.ServerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Issued certificates: listing (for renewal notices), moves to another server, reissue. */
@Path("/certificates")
@Tag(name = "Certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    private final CertificateService certificates;
    private final Reissue reissue;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;
    private final Idempotency idempotency;

    public CertificateResource(CertificateService certificates, Reissue reissue, AuditLog audit, CurrentActor actor,
            Caller caller, Idempotency idempotency) {
        this.certificates = certificates;
        this.reissue = reissue;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    /** Where to move a certificate. */
    @Schema(name = "MigrationRequest")
    public record MigrationRequest(
            @NotNull ServerId targetServerId,
            @NotBlank @Size(max = 253) @Schema(description = "The target server's master domain, as binding-service records it") String targetMasterDomain,
            @NotNull @Schema(description = "The target server's customer, as binding-service records it; must own the certificate") CustomerId targetCustomerId) {
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "listCertificates", summary = "Issued certificates, soonest expiry first unless sorted otherwise (a customer sees only their own)",
            extensions = @Extension(name = "x-sort-fields", value = "expiresAt, validFromAt, createdAt, id"))
    public Uni<Page<CertificateView>> list(
            @QueryParam("customerId") CustomerId customerId,
            @QueryParam("orderId") OrderId orderId,
            @QueryParam("serverId") @Parameter(description = "Deployable to this server") ServerId serverId,
            @QueryParam("keyId") KeyId keyId,
            @QueryParam("domain") @Parameter(description = "Covers exactly this name (punycode; a wildcard name as *.example.jp)") String domain,
            @QueryParam("expiresAtFrom") @Parameter(description = "Expires at or after (any offset)") OffsetDateTime expiresAtFrom,
            @QueryParam("expiresAtTo") @Parameter(description = "Expires at or before (any offset)") OffsetDateTime expiresAtTo,
            @BeanParam @Valid PageRequest paging) {
        return certificates.list(new CertificateRepository.Filter(
                caller.scope().customerFilter(customerId == null ? null : customerId.value()),
                orderId == null ? null : orderId.value(), serverId == null ? null : serverId.value(),
                keyId == null ? null : keyId.uuid(), domain == null || domain.isBlank() ? null : domain,
                expiresAtFrom == null ? null : expiresAtFrom.toInstant(),
                expiresAtTo == null ? null : expiresAtTo.toInstant()), paging);
    }

    @GET
    @Path("/{certificateId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "getCertificate", summary = "One certificate with its chain and the servers it may be deployed to")
    public Uni<CertificateView> get(@PathParam("certificateId") CertificateId certificateId) {
        String scope = caller.customerScope();
        if (scope == null) {
            return certificates.get(certificateId.uuid(), null);
        }
        return audit.audited(actor.get(), "certificate.read", certificateId.value(), null,
                () -> certificates.get(certificateId.uuid(), scope));
    }

    @POST
    @Path("/{certificateId}/migrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "migrateCertificate", summary = "Let a valid certificate be deployed to another server of its customer with the same master domain",
            description = "Only order-service calls this: it reads the target server's customer and master domain from "
                    + "binding-service and passes them here, so neither is typed in by hand. Both must match the certificate.")
    @APIResponse(responseCode = "200", description = "The certificate may now be deployed to the target server too",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateView.class)))
    public Uni<RestResponse<CertificateView>> migrate(@PathParam("certificateId") CertificateId certificateId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid MigrationRequest request) {
        return idempotency.once(idempotencyKey, request, CertificateView.class, () -> audit.audited(actor.get(),
                "certificate.migrate", certificateId.value(),
                "target=" + request.targetServerId() + " masterDomain=" + request.targetMasterDomain() + " customer="
                        + request.targetCustomerId(),
                () -> certificates.migrate(certificateId.uuid(), request.targetServerId().value(),
                        request.targetMasterDomain(), request.targetCustomerId().value(), caller.subject()))
                .map(RestResponse::ok));
    }

    @DELETE
    @Path("/{certificateId}/servers/{serverId}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "deleteCertificatePlacement", summary = "Take a server's deploy access to the certificate away (after a move is confirmed)",
            description = "The server's deployer no longer receives the key, passphrase or certificate. A certificate keeps at "
                    + "least one server: removing the last one is refused with 409. Removing a placement that is gone "
                    + "already answers 204 again.")
    @APIResponse(responseCode = "204", description = "The server can no longer fetch the certificate's deploy material")
    // no body on success: a client that accepts only the problem type (as generated clients do) is served too
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Uni<Void> retire(@PathParam("certificateId") CertificateId certificateId, @PathParam("serverId") ServerId serverId,
            @HeaderParam(ETags.IF_MATCH) @Parameter(description = "The certificate's ETag as read; when given, the "
                    + "placement is removed only if the certificate has not changed since") String ifMatch) {
        return audit.audited(actor.get(), "certificate.placement-retire", certificateId.value(), "server=" + serverId,
                () -> certificates.retirePlacement(certificateId.uuid(), serverId.value(), ifMatch));
    }

    @POST
    @Path("/{certificateId}/reissue")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "prepareReissue", summary = "A new key and CSR with the same subject and names, for a CA reissue during validity")
    @APIResponse(responseCode = "201", description = "New key with its CSR; apply for it with POST /issuances",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    public Uni<RestResponse<KeyView>> reissue(@PathParam("certificateId") CertificateId certificateId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid Reissue.Request request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, KeyView.class, () -> audit.auditedFor(actor.get(),
                        "certificate.reissue", (KeyView k) -> certificateId + (k == null ? "" : " -> " + k.id()), null,
                        () -> reissue.prepare(certificateId.uuid(), request == null ? null : request.algorithm(),
                                caller.subject()))
                .map(k -> RestResponse.ResponseBuilder.<KeyView>created(
                        uri.getBaseUriBuilder().path("keys").path(k.id().value()).build()).entity(k).build()));
    }
}
