package io.certdesk.keystore.delivery;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.ServerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Deploy material for a domain on the caller's own server. */
@Path("/servers/{serverId}/tls/{domain}")
@Tag(name = "Delivery")
public class DeployResource {

    private final DeliveryService delivery;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;

    public DeployResource(DeliveryService delivery, AuditLog audit, CurrentActor actor, Caller caller) {
        this.delivery = delivery;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPLOYER)
    @Operation(operationId = "getDeployMaterial", summary = "Certificate, chain, encrypted key and passphrase file for a domain on the caller's own server")
    public Uni<RestResponse<DeployMaterial>> deployMaterial(@PathParam("serverId") ServerId serverId,
            @PathParam("domain") String domain) {
        ServerId bound = caller.serverId();
        return audit.audited(actor.get(), "key.deploy-fetch", "server " + serverId + " " + domain, null, () -> {
            if (bound == null || !bound.equals(serverId)) {
                return Uni.createFrom().failure(DomainException.denied(
                        "This deployer token is bound to server " + bound + ", not " + serverId));
            }
            return delivery.deployMaterial(serverId.value(), domain);
        }).map(m -> RestResponse.ResponseBuilder.ok(m).header("Cache-Control", "no-store").build());
    }
}
