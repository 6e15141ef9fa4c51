package io.certdesk.order.fee;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

/** The setup-fee schedule: everyone reads it, admins publish new versions. */
@Path("/fees")
@Tag(name = "Fees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeeResource {

    private final FeeService service;
    private final Caller caller;
    private final Idempotency idempotency;

    public FeeResource(FeeService service, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listFees", summary = "Every fee version, past, current and scheduled",
            extensions = @Extension(name = "x-sort-fields", value = "orderType, effectiveAt, id"))
    public Uni<Page<FeeView>> list(@QueryParam("orderType") OrderType orderType, @BeanParam @Valid PageRequest paging) {
        return service.history(orderType, paging);
    }

    @GET
    @Path("/{feeId}")
    @Authenticated
    @Operation(operationId = "getFee", summary = "One fee version")
    public Uni<FeeView> get(@PathParam("feeId") FeeId feeId) {
        return service.get(feeId.number());
    }

    @GET
    @Path("/current/{orderType}")
    @Authenticated
    @Operation(operationId = "getCurrentFee", summary = "The fee in force now for NEW or RENEWAL")
    public Uni<FeeView> current(@PathParam("orderType") OrderType orderType) {
        return service.current(orderType);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "changeFee", summary = "Publish a new fee version from a date; earlier quotes and invoices keep their prices")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeeView.class)))
    public Uni<RestResponse<FeeView>> change(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid FeeRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, FeeView.class, () -> service.change(request, caller.subject())
                .map(f -> RestResponse.ResponseBuilder.<FeeView>created(
                        uri.getAbsolutePathBuilder().path(f.id().value()).build())
                        .entity(f).build()));
    }
}
