package io.certdesk.order.customer;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Roles;
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

/** Customers: staff maintain them; a customer's token reads only its own record. */
@Path("/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService service;
    private final Caller caller;
    private final Idempotency idempotency;

    public CustomerResource(CustomerService service, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "createCustomer", summary = "Register a customer organisation with its contacts")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public Uni<RestResponse<CustomerView>> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid CustomerRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, CustomerView.class, () -> service.create(request)
                .map(c -> RestResponse.ResponseBuilder.<CustomerView>created(
                        uri.getAbsolutePathBuilder().path(c.id().value()).build()).entity(c).build()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listCustomers", summary = "List customers, by kana unless sorted otherwise; q finds a name or kana",
            extensions = @Extension(name = "x-sort-fields", value = "organisationKana, organisationName, createdAt, id"))
    public Uni<Page<CustomerView>> list(
            @QueryParam("q") @Parameter(description = "Part of the organisation name or its kana") String q,
            @BeanParam @Valid PageRequest paging) {
        return service.list(q, paging);
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getCustomer", summary = "Read one customer (a customer only its own)")
    public Uni<CustomerView> get(@PathParam("customerId") CustomerId customerId) {
        return service.get(customerId.value(), caller.customerScope());
    }

    @PUT
    @Path("/{customerId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "updateCustomer", summary = "Replace a customer's details and contacts; If-Match with the ETag you read is required",
            extensions = @Extension(name = "x-if-match-required", value = "true"))
    public Uni<CustomerView> update(@PathParam("customerId") CustomerId customerId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @NotNull @Valid CustomerRequest request) {
        return service.update(customerId.value(), request, ifMatch);
    }

    @DELETE
    @Path("/{customerId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "deleteCustomer", summary = "Delete a customer that has no quotes or orders")
    @APIResponse(responseCode = "204", description = "Deleted")
    // no body on success: a client that accepts only the problem type (as generated clients do) is served too
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Uni<Void> delete(@PathParam("customerId") CustomerId customerId, @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return service.delete(customerId.value(), ifMatch);
    }
}
