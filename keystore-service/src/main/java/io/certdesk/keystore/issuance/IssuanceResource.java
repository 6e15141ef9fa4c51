package io.certdesk.keystore.issuance;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.DomainException;
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
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Getting a key's CSR signed: MANUAL upload, ACME, or the LOCAL development CA. */
@Path("/issuances")
@Tag(name = "Issuances")
@Produces(MediaType.APPLICATION_JSON)
public class IssuanceResource {

    /** Largest certificate upload accepted: a leaf with a long chain fits many times over. */
    static final int MAX_UPLOAD = 256 * 1024;

    private final IssuanceService issuances;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;
    private final Idempotency idempotency;

    public IssuanceResource(IssuanceService issuances, AuditLog audit, CurrentActor actor, Caller caller,
            Idempotency idempotency) {
        this.issuances = issuances;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "requestIssuance", summary = "Apply for a certificate for a key's CSR (LOCAL answers ISSUED at once)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuanceView.class)))
    public Uni<RestResponse<IssuanceView>> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid IssuanceRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, IssuanceView.class, () -> audit.auditedFor(actor.get(),
                        "issuance.create", (IssuanceView i) -> i == null ? request.keyId().value() : i.id().value(),
                        "issuer=" + request.issuer() + " key=" + request.keyId(),
                        () -> issuances.create(request, caller.subject()))
                .map(i -> RestResponse.ResponseBuilder.<IssuanceView>created(
                        uri.getAbsolutePathBuilder().path(i.id().value()).build()).entity(i).build()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listIssuances", summary = "Issuances, newest first unless sorted otherwise; by status, issuer, key, server or order",
            extensions = @Extension(name = "x-sort-fields", value = "createdAt, updatedAt, status, id"))
    public Uni<Page<IssuanceView>> list(
            @QueryParam("status") Issuance.Status status,
            @QueryParam("issuer") Issuance.Issuer issuer,
            @QueryParam("keyId") KeyId keyId,
            @QueryParam("serverId") ServerId serverId,
            @QueryParam("orderId") OrderId orderId,
            @BeanParam @Valid PageRequest paging) {
        return issuances.list(new IssuanceRepository.Filter(status, issuer, keyId == null ? null : keyId.uuid(),
                serverId == null ? null : serverId.value(), orderId == null ? null : orderId.value()), paging);
    }

    @GET
    @Path("/{issuanceId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getIssuance", summary = "Where an issuance stands, with the CA's problem when it failed")
    public Uni<IssuanceView> get(@PathParam("issuanceId") IssuanceId issuanceId) {
        return issuances.get(issuanceId.uuid());
    }

    @POST
    @Path("/{issuanceId}/certificate")
    @Consumes({"application/x-pem-file", MediaType.TEXT_PLAIN, "application/pkix-cert", "application/pkcs7-mime",
        MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "uploadCertificate", summary = "MANUAL: upload the certificate and chain the CA sent (PEM or DER, any order)")
    public Uni<RestResponse<IssuanceView>> upload(@PathParam("issuanceId") IssuanceId issuanceId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, byte[] body) {
        return idempotency.once(idempotencyKey, body, IssuanceView.class, () -> audit.audited(actor.get(),
                "issuance.upload", issuanceId.value(), null, () -> {
                    if (body == null || body.length == 0) {
                        return Uni.createFrom().failure(DomainException.invalid("body",
                                "send the certificate (PEM or DER)"));
                    }
                    if (body.length > MAX_UPLOAD) {
                        return Uni.createFrom().failure(DomainException.invalid("body", "at most " + MAX_UPLOAD + " bytes"));
                    }
                    return issuances.upload(issuanceId.uuid(), body, caller.subject());
                }).map(RestResponse::ok));
    }
}
