package io.certdesk.binding.config;

import io.certdesk.binding.platform.Caller;
import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.Roles;
import io.certdesk.binding.platform.ServerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The rendered nginx or Apache TLS configuration of a server; deployers fetch their own server's. */
@Path("/servers/{serverId}/config")
@Tag(name = "Web server configuration")
public class ServerConfigResource {

    private final ServerConfigService service;
    private final Caller caller;

    public ServerConfigResource(ServerConfigService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces("text/plain;charset=UTF-8")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER, Roles.DEPLOYER})
    @Operation(operationId = "renderServerConfig", summary = "Render the complete TLS configuration for all bindings "
            + "of the server: listen sockets, virtual hosts, certificate paths, HTTP to HTTPS redirects, ACME "
            + "challenge route and passphrase-less key loading. A binding without a linked certificate gets no HTTPS "
            + "block (a comment says it waits) and is served over plain HTTP, so it cannot stop the others from "
            + "loading; apache-passphrase-helper is the script Apache's "
            + "SSLPassPhraseDialog exec: runs (install it at the configured path, mode 0700, owner root)")
    public Uni<String> render(@PathParam("serverId") ServerId serverId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"nginx", "apache", "apache-passphrase-helper"}))
            @QueryParam("format") @DefaultValue("nginx") String format) {
        ConfigFormat parsed = ConfigFormat.of(format)
                .orElseThrow(() -> DomainException.invalid("format", "must be nginx, apache or apache-passphrase-helper"));
        return service.render(serverId.number(), parsed, caller.scope());
    }
}
