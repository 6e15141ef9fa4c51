package io.certdesk.order.customer;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Customers: staff maintain them; a customer's token reads only its own record. */
@Path("/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class CustomerResource {

    private final CustomerService service;
    private final Caller caller;

    public CustomerResource(CustomerService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "createCustomer", summary = "Register a customer organisation with its contacts")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<RestResponse<CustomerView>> create(@NotNull @Valid CustomerRequest request, UriInfo uri) {
        return service.create(request).map(c -> RestResponse.ResponseBuilder
                .<CustomerView>created(uri.getAbsolutePathBuilder().path(c.id()).build()).entity(c).build());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listCustomers", summary = "List customers, ordered by kana")
    public Uni<Page<CustomerView>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getCustomer", summary = "Read one customer (a customer only its own)")
    public Uni<CustomerView> get(@PathParam("id") String id) {
        return service.get(id, caller.customerScope());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "updateCustomer", summary = "Replace a customer's details and contacts (send the version you read)")
    public Uni<CustomerView> update(@PathParam("id") String id, @NotNull @Valid CustomerRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "deleteCustomer", summary = "Delete a customer that has no quotes or orders")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(@PathParam("id") String id) {
        return service.delete(id);
    }
}
