package io.certdesk.order.quote;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.Roles;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Quotes: staff price a purchase, the customer (or staff on its word) accepts it. */
@Path("/quotes")
@Tag(name = "Quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class QuoteResource {

    private final QuoteService service;
    private final Caller caller;

    public QuoteResource(QuoteService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "createQuote", summary = "Quote a certificate: CA application fee + setup fee = total, tax included")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<RestResponse<QuoteView>> create(@NotNull @Valid QuoteRequest request, UriInfo uri) {
        return service.create(request, caller.subject()).map(q -> RestResponse.ResponseBuilder
                .<QuoteView>created(uri.getAbsolutePathBuilder().path(String.valueOf(q.id())).build()).entity(q).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getQuote", summary = "Read one quote (a customer only its own)")
    public Uni<QuoteView> get(@PathParam("id") long id) {
        return service.get(id, caller.customerScope());
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "acceptQuote", summary = "Accept a quote; accepting again answers it unchanged")
    public Uni<QuoteView> accept(@PathParam("id") long id) {
        return service.accept(id, caller.customerScope(), caller.subject());
    }
}
