package io.certdesk.binding.binding;

import io.certdesk.binding.platform.Caller;
import io.certdesk.binding.platform.ETags;
import io.certdesk.binding.platform.Idempotency;
import io.certdesk.binding.platform.Page;
import io.certdesk.binding.platform.PageRequest;
import io.certdesk.binding.platform.Roles;
import io.certdesk.binding.platform.ServerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Where each domain of a server lives: SNI on a shared IP:443, a dedicated IP, or an alternate port. */
@Path("/servers/{serverId}/bindings")
@Tag(name = "Bindings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BindingResource {

    private final BindingService service;
    private final Caller caller;
    private final Idempotency idempotency;

    public BindingResource(BindingService service, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "bindDomain", summary = "Place a domain on the server with a strategy (SNI, DEDICATED_IP, ALTERNATE_PORT)")
    @APIResponse(responseCode = "201", description = "Bound; the answer carries the HTTPS URL and warnings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BindingResult.class)))
    public Uni<RestResponse<BindingResult>> bind(@PathParam("serverId") ServerId serverId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid BindingRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, BindingResult.class, () -> service.bind(serverId.number(),
                request).map(r -> RestResponse.ResponseBuilder.<BindingResult>created(
                        uri.getAbsolutePathBuilder().path(r.binding().id().value()).build()).entity(r).build()));
    }

    @GET
    @Path("/preview")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "previewBinding", summary = "Where the domain would be placed with this strategy, its URL and "
            + "the warnings a quote shows; nothing is stored (an already bound domain answers its binding)")
    @APIResponse(responseCode = "200", description = "The placement a bind would make now, or the existing binding",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BindingPreview.class)))
    @APIResponse(responseCode = "409", description = "The strategy cannot be placed now (no free alternate port, the "
            + "address is held exclusively)")
    public Uni<BindingPreview> preview(@PathParam("serverId") ServerId serverId,
            @QueryParam("domain") @NotBlank @Size(max = 253) String domain,
            @QueryParam("strategy") @NotNull Strategy strategy) {
        return service.preview(serverId.number(), domain, strategy, caller.scope());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER, Roles.DEPLOYER})
    @Operation(operationId = "listBindings", summary = "The server's bindings, the master domain first")
    public Uni<Page<BindingView>> list(@PathParam("serverId") ServerId serverId, @BeanParam @Valid PageRequest paging) {
        return service.list(serverId.number(), caller.scope(), paging);
    }

    @GET
    @Path("/{bindingId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER, Roles.DEPLOYER})
    @Operation(operationId = "getBinding", summary = "Read one binding")
    public Uni<BindingView> get(@PathParam("serverId") ServerId serverId, @PathParam("bindingId") BindingId bindingId) {
        return service.get(serverId.number(), bindingId.number(), caller.scope());
    }

    @PUT
    @Path("/{bindingId}/certificate")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "linkBindingCertificate", summary = "Record which keystore certificate the binding serves (null unlinks)")
    public Uni<BindingView> linkCertificate(@PathParam("serverId") ServerId serverId,
            @PathParam("bindingId") BindingId bindingId, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @NotNull @Valid CertificateRequest request) {
        return service.linkCertificate(serverId.number(), bindingId.number(),
                request.certificateId() == null ? null : request.certificateId().value(),
                request.certificateFingerprint(), ifMatch);
    }

    @POST
    @Path("/{bindingId}/probe")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "probeBinding", summary = "Open a TLS connection to the binding's IP:port with its domain as "
            + "SNI and compare the certificate the server presents with the linked one; the result is kept on the binding",
            extensions = @Extension(name = "x-idempotent", value = "probing again only records what the server serves now"))
    @APIResponse(responseCode = "200", description = "The binding with the probe's result (SERVED, MISMATCH or UNREACHABLE)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BindingView.class)))
    @APIResponse(responseCode = "409", description = "No certificate with its fingerprint is linked")
    public Uni<BindingView> probe(@PathParam("serverId") ServerId serverId, @PathParam("bindingId") BindingId bindingId) {
        return service.probe(serverId.number(), bindingId.number());
    }

    @DELETE
    @Path("/{bindingId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "unbindDomain", summary = "Remove a binding; its port or dedicated IP becomes free again")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The master binding, or a dedicated IP other bindings still use")
    // no body on success: a client that accepts only the problem type (as generated clients do) is served too
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Uni<Void> unbind(@PathParam("serverId") ServerId serverId, @PathParam("bindingId") BindingId bindingId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return service.unbind(serverId.number(), bindingId.number(), ifMatch);
    }
}
