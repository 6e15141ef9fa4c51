package io.certdesk.binding.server;

import io.certdesk.binding.platform.Caller;
import io.certdesk.binding.platform.CustomerId;
import io.certdesk.binding.platform.ETags;
import io.certdesk.binding.platform.Idempotency;
import io.certdesk.binding.platform.Page;
import io.certdesk.binding.platform.PageRequest;
import io.certdesk.binding.platform.Roles;
import io.certdesk.binding.platform.ServerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The server registry: staff register servers; customers see their own. */
@Path("/servers")
@Tag(name = "Servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServerResource {

    private final ServerService service;
    private final Caller caller;
    private final Idempotency idempotency;

    public ServerResource(ServerService service, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "registerServer", summary = "Register a dedicated server with its master domain and plan")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServerView.class)))
    public Uni<RestResponse<ServerView>> register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid ServerRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, ServerView.class, () -> service.register(request)
                .map(s -> RestResponse.ResponseBuilder.<ServerView>created(
                        uri.getAbsolutePathBuilder().path(s.id().value()).build()).entity(s).build()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "listServers", summary = "List servers (a customer sees only their own)",
            extensions = @Extension(name = "x-sort-fields", value = "id, hostname, masterDomain, createdAt"))
    public Uni<Page<ServerView>> list(
            @QueryParam("customerId") CustomerId customerId,
            @QueryParam("q") @Parameter(description = "Part of the hostname or master domain") String q,
            @BeanParam @Valid PageRequest paging) {
        return service.list(caller.scope(), customerId == null ? null : customerId.value(), q, paging);
    }

    @GET
    @Path("/{serverId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "getServer", summary = "Read one server")
    public Uni<ServerView> get(@PathParam("serverId") ServerId serverId) {
        return service.get(serverId.number(), caller.scope());
    }

    @PUT
    @Path("/{serverId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "updateServer", summary = "Change a server's master domain or contract plan; If-Match with the ETag you read is required",
            extensions = @Extension(name = "x-if-match-required", value = "true"))
    public Uni<ServerView> update(@PathParam("serverId") ServerId serverId, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @NotNull @Valid ServerUpdate update) {
        return service.update(serverId.number(), update, ifMatch);
    }
}
