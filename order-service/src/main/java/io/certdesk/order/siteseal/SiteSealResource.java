package io.certdesk.order.siteseal;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.OrderId;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The site-seal task of an installed order. */
@Path("/orders/{orderId}/site-seal")
@Tag(name = "Site seal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteSealResource {

    private final SiteSealService service;
    private final Caller caller;

    public SiteSealResource(SiteSealService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getSiteSealTask", summary = "The site-seal task opened at installation")
    public Uni<SiteSealView> get(@PathParam("orderId") OrderId orderId) {
        return service.get(orderId.number(), caller.customerScope());
    }

    @PUT
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "updateSiteSealTask", summary = "Record where the seal was placed, or that it was not; If-Match with the ETag you read is required",
            extensions = @Extension(name = "x-if-match-required", value = "true"))
    public Uni<SiteSealView> update(@PathParam("orderId") OrderId orderId, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @NotNull @Valid SiteSealRequest request) {
        return service.update(orderId.number(), request, caller.subject(), ifMatch);
    }
}
