package io.certdesk.order.move;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.CertificateId;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.ServerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A certificate moves to another server of its customer with the same master domain, then the old one lets go. */
@Path("/certificates/{certificateId}/migrations")
@Tag(name = "Certificate moves")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateMoveResource {

    private final CertificateMoveService moves;
    private final Caller caller;
    private final Idempotency idempotency;

    public CertificateMoveResource(CertificateMoveService moves, Caller caller, Idempotency idempotency) {
        this.moves = moves;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "requestCertificateMove", summary = "Let a valid certificate be deployed to another server of its customer",
            description = "The target server's customer and master domain are read from binding-service; keystore-service "
                    + "refuses (422 migration-refused) a server of another customer, another master domain, or a "
                    + "certificate that is not valid now. The old server keeps its access until the move is confirmed.")
    @APIResponse(responseCode = "200", description = "The certificate may now be deployed to the target server too",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateMove.class)))
    public Uni<RestResponse<CertificateMove>> request(@PathParam("certificateId") CertificateId certificateId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid CertificateMoveRequest request) {
        return idempotency.once(idempotencyKey, request, CertificateMove.class, () -> moves.request(certificateId.value(),
                request.targetServerId().value(), caller.customerScope(), caller.subject()).map(RestResponse::ok));
    }

    @POST
    @Path("/{serverId}/confirm")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "confirmCertificateMove", summary = "Confirm the move: every other server loses deploy access to the certificate",
            description = "Sent by the customer (or staff for them) once the new server serves the certificate. The old "
                    + "servers can no longer fetch the key, passphrase or certificate; keystore-service audits each.")
    @APIResponse(responseCode = "200", description = "The target server is now the certificate's only server",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateMove.class)))
    public Uni<RestResponse<CertificateMove>> confirm(@PathParam("certificateId") CertificateId certificateId,
            @PathParam("serverId") ServerId targetServerId, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, null, CertificateMove.class, () -> moves.confirm(certificateId.value(),
                targetServerId.value(), caller.customerScope(), caller.subject()).map(RestResponse::ok));
    }
}
