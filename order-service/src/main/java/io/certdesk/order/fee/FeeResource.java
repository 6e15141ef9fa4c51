package io.certdesk.order.fee;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The setup-fee schedule: everyone reads it, admins publish new versions. */
@Path("/fees")
@Tag(name = "Fees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class FeeResource {

    private final FeeService service;
    private final Caller caller;

    public FeeResource(FeeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listFees", summary = "Every fee version, past, current and scheduled")
    public Uni<List<FeeView>> list() {
        return service.history();
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
    @ResponseStatus(201)
    @Operation(operationId = "changeFee", summary = "Publish a new fee version from a date; earlier quotes and invoices keep their prices")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<FeeView> change(@NotNull @Valid FeeRequest request) {
        return service.change(request, caller.subject());
    }
}
