package io.certdesk.binding.ippool;

import io.certdesk.binding.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Global address ranges that dedicated-IP bindings draw from; staff manage them. */
@Path("/ip-pools")
@Tag(name = "IP pools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class IpPoolResource {

    private final IpPoolService service;

    public IpPoolResource(IpPoolService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "registerIpPool", summary = "Register a range of global addresses (CIDR, IPv4 or IPv6)")
    @APIResponse(responseCode = "201", description = "Registered")
    public Uni<RestResponse<IpPoolView>> register(@NotNull @Valid IpPoolRequest request, UriInfo uri) {
        return service.register(request).map(p -> RestResponse.ResponseBuilder
                .<IpPoolView>created(uri.getAbsolutePathBuilder().path(Long.toString(p.id())).build())
                .entity(p).build());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listIpPools", summary = "List pools with their usage")
    public Uni<List<IpPoolView>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getIpPool", summary = "Read one pool with its usage")
    public Uni<IpPoolView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/addresses")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listPoolAddresses", summary = "The pool's addresses that are allocated, with their servers")
    public Uni<List<AllocatedAddressView>> addresses(@PathParam("id") long id) {
        return service.allocated(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "deleteIpPool", summary = "Remove a pool none of whose addresses is allocated")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "Addresses of the pool are still allocated")
    public Uni<Void> delete(@PathParam("id") long id) {
        return service.delete(id);
    }
}
