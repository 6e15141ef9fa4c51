package io.certdesk.binding.resolve;

import io.certdesk.binding.platform.Caller;
import io.certdesk.binding.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which domain and certificate answer a TLS connection to (IP, port) with or without SNI. */
@Path("/resolve")
@Tag(name = "Resolution")
@Produces(MediaType.APPLICATION_JSON)
public class ResolveResource {

    private final ResolveService service;
    private final Caller caller;

    public ResolveResource(ResolveService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER, Roles.DEPLOYER})
    @Operation(operationId = "resolveEndpoint", summary = "Which binding answers a connection, chosen as a TLS server "
            + "chooses among the bindings with a linked certificate (the only ones the rendered configuration serves "
            + "over HTTPS): SNI name match on that IP:port, else the IP:port's default; 404 when none is there")
    @APIResponse(responseCode = "200", description = "The binding that answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Resolution.class)))
    @APIResponse(responseCode = "404", description = "Nothing with a linked certificate is bound to that IP:port, "
            + "or it is not yours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<Resolution> resolve(@QueryParam("ip") @NotBlank String ip,
            @QueryParam("port") @NotNull @Min(1) @Max(65535) Integer port,
            @QueryParam("serverName") String serverName) {
        return service.resolve(ip, port, serverName, caller.scope());
    }
}
