package io.certdesk.binding.ippool;

import io.certdesk.binding.platform.ETags;
import io.certdesk.binding.platform.Idempotency;
import io.certdesk.binding.platform.Page;
import io.certdesk.binding.platform.PageRequest;
import io.certdesk.binding.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Global address ranges that dedicated-IP bindings draw from; staff manage them. */
@Path("/ip-pools")
@Tag(name = "IP pools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IpPoolResource {

    private final IpPoolService service;
    private final Idempotency idempotency;

    public IpPoolResource(IpPoolService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "registerIpPool", summary = "Register a range of global addresses (CIDR, IPv4 or IPv6)")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IpPoolView.class)))
    public Uni<RestResponse<IpPoolView>> register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid IpPoolRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, IpPoolView.class, () -> service.register(request)
                .map(p -> RestResponse.ResponseBuilder.<IpPoolView>created(
                        uri.getAbsolutePathBuilder().path(p.id().value()).build()).entity(p).build()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listIpPools", summary = "List pools with their usage, in the order they were registered")
    public Uni<Page<IpPoolView>> list(@BeanParam @Valid PageRequest paging) {
        return service.list(paging);
    }

    @GET
    @Path("/{poolId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getIpPool", summary = "Read one pool with its usage")
    public Uni<IpPoolView> get(@PathParam("poolId") IpPoolId poolId) {
        return service.get(poolId.number());
    }

    @GET
    @Path("/{poolId}/addresses")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listPoolAddresses", summary = "The pool's addresses that are allocated, with their servers")
    public Uni<Page<AllocatedAddressView>> addresses(@PathParam("poolId") IpPoolId poolId,
            @BeanParam @Valid PageRequest paging) {
        return service.allocated(poolId.number(), paging);
    }

    @DELETE
    @Path("/{poolId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "deleteIpPool", summary = "Remove a pool none of whose addresses is allocated")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "Addresses of the pool are still allocated")
    // no body on success: a client that accepts only the problem type (as generated clients do) is served too
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Uni<Void> delete(@PathParam("poolId") IpPoolId poolId, @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return service.delete(poolId.number(), ifMatch);
    }
}
