package io.certdesk.keystore.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.certdesk.keystore.platform.ProblemMappers;
import io.certdesk.keystore.platform.Problem;
import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.Scope;
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

    private final Throttle throttle;

    public DeployResource(DeliveryService delivery, AuditLog audit, CurrentActor actor, Caller caller, Throttle throttle) {
        this.throttle = throttle;
        this.delivery = delivery;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPLOYER)
    @Operation(operationId = "getDeployMaterial", summary = "Certificate, chain, encrypted key and passphrase file for a domain on the caller's own server")
    @APIResponse(responseCode = "200", description = "The files to write under the server's TLS directory",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeployMaterial.class)))
    @APIResponse(responseCode = "429", description = "The caller has asked for more key material than its rate or "
            + "concurrency limit allows (certdesk.throttle.*); retry after Retry-After",
            content = @Content(mediaType = ProblemMappers.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<DeployMaterial>> deployMaterial(@PathParam("serverId") ServerId serverId,
            @PathParam("domain") String domain) {
        // every claim narrows: the token's server, and its customer when it carries one (a key of another customer on
        // that server is answered like a missing one, as binding-service answers such a token)
        Scope scope = caller.scope();
        return throttle.run(caller.subject(), () -> audit.audited(actor.get(), "key.deploy-fetch",
                "server " + serverId + " " + domain, null, () -> {
                    if (!serverId.equals(scope.server())) {
                        return Uni.createFrom().failure(DomainException.hidden("Server", serverId));
                    }
                    return delivery.deployMaterial(serverId.value(), domain,
                            scope.customer() == null ? null : scope.customer().value());
                })).map(m -> RestResponse.ResponseBuilder.ok(m).header("Cache-Control", "no-store").build());
    }
}
