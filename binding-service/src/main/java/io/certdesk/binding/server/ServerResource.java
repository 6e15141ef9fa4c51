package io.certdesk.binding.server;

import io.certdesk.binding.platform.Caller;
import io.certdesk.binding.platform.Page;
import io.certdesk.binding.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The server registry: staff register servers; customers see their own. */
@Path("/servers")
@Tag(name = "Servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "jwt")
public class ServerResource {

    /** The last page a list may ask for; with at most 200 per page its offset still fits in an int. */
    static final int MAX_PAGE = 10_000_000;

    private final ServerService service;
    private final Caller caller;

    public ServerResource(ServerService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "registerServer", summary = "Register a dedicated server with its master domain and plan")
    @APIResponse(responseCode = "201", description = "Registered")
    public Uni<RestResponse<ServerView>> register(@NotNull @Valid ServerRequest request, UriInfo uri) {
        return service.register(request).map(s -> RestResponse.ResponseBuilder
                .<ServerView>created(uri.getAbsolutePathBuilder().path(Long.toString(s.id())).build())
                .entity(s).build());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "listServers", summary = "List servers (a customer sees only their own)")
    public Uni<Page<ServerView>> list(
            @QueryParam("customerId") String customerId,
            // page * size is the query's int offset: 10,000,000 * 200 stays below Integer.MAX_VALUE
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(caller.scope(), blankToNull(customerId), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "getServer", summary = "Read one server")
    public Uni<ServerView> get(@PathParam("id") long id) {
        return service.get(id, caller.scope());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "updateServer", summary = "Change a server's master domain or contract plan")
    public Uni<ServerView> update(@PathParam("id") long id, @NotNull @Valid ServerUpdate update) {
        return service.update(id, update);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
