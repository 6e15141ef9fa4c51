package io.certdesk.keystore.delivery;

import io.certdesk.keystore.platform.ProblemMappers;
import io.certdesk.keystore.platform.Problem;
import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The customer's export bundle of a key. */
@Path("/keys/{keyId}/exports")
@Tag(name = "Delivery")
public class ExportResource {

    private final DeliveryService delivery;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;

    private final Throttle throttle;

    public ExportResource(DeliveryService delivery, AuditLog audit, CurrentActor actor, Caller caller, Throttle throttle) {
        this.throttle = throttle;
        this.delivery = delivery;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
    }

    @POST
    @Produces("application/zip")
    @RolesAllowed({Roles.STAFF, Roles.CUSTOMER})
    @Operation(operationId = "exportKeyBundle", summary = "ZIP with the encrypted private key, CSR, certificate, chain and PKCS#12; the passphrase is not in it",
            extensions = @Extension(name = "x-idempotent", value = "builds the bundle again each time and changes "
                    + "nothing but the audit trail; never stored for replay"))
    @APIResponse(responseCode = "200", description = "The bundle", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"certdesk-key-<keyId>.zip\"",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "The caller has asked for more key material than its rate or "
            + "concurrency limit allows (certdesk.throttle.*); retry after Retry-After",
            content = @Content(mediaType = ProblemMappers.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<byte[]>> export(@PathParam("keyId") KeyId keyId) {
        String scope = caller.customerScope();
        UUID id = keyId.uuid();
        return throttle.run(caller.subject(), () -> audit.audited(actor.get(), "key.export", id.toString(), null,
                        () -> delivery.exportBundle(id, scope)))
                .map(zip -> RestResponse.ResponseBuilder.ok(zip, "application/zip")
                        .header("Content-Disposition", "attachment; filename=\"certdesk-key-" + id + ".zip\"")
                        .header("Cache-Control", "no-store").build());
    }
}
