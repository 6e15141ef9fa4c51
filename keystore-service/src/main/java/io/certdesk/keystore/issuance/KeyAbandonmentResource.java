package io.certdesk.keystore.issuance;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.key.KeyView;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.Idempotency;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Abandoning a key whose order ended before a certificate: it spans the key and its open issuances, so it lives
 * here, above both.
 */
@Path("/keys/{keyId}/abandon")
@Tag(name = "Keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeyAbandonmentResource {

    private final IssuanceService issuances;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;
    private final Idempotency idempotency;

    public KeyAbandonmentResource(IssuanceService issuances, AuditLog audit, CurrentActor actor, Caller caller,
            Idempotency idempotency) {
        this.issuances = issuances;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    /** Why the key is abandoned. */
    @Schema(name = "AbandonKeyRequest")
    public record AbandonRequest(@NotBlank @Size(max = 500) @Schema(examples = "order 12 was cancelled") String reason) {
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "abandonKey", summary = "Abandon a key that never got a certificate (its order was cancelled): "
            + "kept and audited, never used, exported or revealed again; its open issuances end FAILED")
    public Uni<RestResponse<KeyView>> abandon(@PathParam("keyId") KeyId keyId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid AbandonRequest request) {
        return idempotency.once(idempotencyKey, request, KeyView.class, () -> audit.audited(actor.get(), "key.abandon",
                keyId.value(), "reason=" + request.reason(),
                () -> issuances.abandonKey(keyId.uuid(), request.reason().strip(), caller.subject()))
                .map(RestResponse::ok));
    }
}
