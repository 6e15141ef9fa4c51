package io.certdesk.binding.binding;

import io.certdesk.binding.platform.Caller;
import io.certdesk.binding.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Where each domain of a server lives: SNI on a shared IP:443, a dedicated IP, or an alternate port. */
@Path("/servers/{serverId}/bindings")
@Tag(name = "Bindings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class BindingResource {

    private final BindingService service;
    private final Caller caller;

    public BindingResource(BindingService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "bindDomain", summary = "Place a domain on the server with a strategy (SNI, DEDICATED_IP, ALTERNATE_PORT)")
    @APIResponse(responseCode = "201", description = "Bound; the answer carries the HTTPS URL and warnings")
    public Uni<RestResponse<BindingResult>> bind(@PathParam("serverId") long serverId,
            @NotNull @Valid BindingRequest request, UriInfo uri) {
        return service.bind(serverId, request).map(r -> RestResponse.ResponseBuilder
                .<BindingResult>created(uri.getAbsolutePathBuilder().path(Long.toString(r.binding().id())).build())
                .entity(r).build());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER, Roles.DEPLOYER})
    @Operation(operationId = "listBindings", summary = "The server's bindings, the master domain first")
    public Uni<List<BindingView>> list(@PathParam("serverId") long serverId) {
        return service.list(serverId, caller.scope());
    }

    @GET
    @Path("/{bindingId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER, Roles.DEPLOYER})
    @Operation(operationId = "getBinding", summary = "Read one binding")
    public Uni<BindingView> get(@PathParam("serverId") long serverId, @PathParam("bindingId") long bindingId) {
        return service.get(serverId, bindingId, caller.scope());
    }

    @PUT
    @Path("/{bindingId}/certificate")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "linkBindingCertificate", summary = "Record which keystore certificate the binding serves")
    public Uni<BindingView> linkCertificate(@PathParam("serverId") long serverId, @PathParam("bindingId") long bindingId,
            @NotNull @Valid CertificateRequest request) {
        return service.linkCertificate(serverId, bindingId, request.certificateId());
    }

    @DELETE
    @Path("/{bindingId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "unbindDomain", summary = "Remove a binding; its port or dedicated IP becomes free again")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The master binding, or a dedicated IP other bindings still use")
    public Uni<Void> unbind(@PathParam("serverId") long serverId, @PathParam("bindingId") long bindingId) {
        return service.unbind(serverId, bindingId);
    }
}
