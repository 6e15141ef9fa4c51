package io.certdesk.order.quote;

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

/** Quotes: staff price a purchase, the customer (or staff on its word) accepts it. */
@Path("/quotes")
@Tag(name = "Quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuoteResource {

    private final QuoteService service;
    private final ServerPlacement placement;
    private final Caller caller;
    private final Idempotency idempotency;

    public QuoteResource(QuoteService service, ServerPlacement placement, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.placement = placement;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "createQuote", summary = "Quote a certificate: CA application fee + setup fee = total, tax "
            + "included; binding-service confirms the server is the customer's and previews where the domain goes")
    @APIResponse(responseCode = "503", description = "binding-service cannot be reached to check the server")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)))
    public Uni<RestResponse<QuoteView>> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid QuoteRequest request, UriInfo uri) {
        // binding-service is asked with no transaction open, after the local checks (a retried request asks again:
        // a read)
        return service.check(request).flatMap(checked -> placement.check(request.customerId().value(),
                request.serverId().value(), request.domain(), request.strategy())).flatMap(place -> idempotency.once(idempotencyKey, request, QuoteView.class,
                        () -> service.create(request, place, caller.subject())
                                .map(q -> RestResponse.ResponseBuilder.<QuoteView>created(
                                        uri.getAbsolutePathBuilder().path(q.id().value()).build()).entity(q).build())));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listQuotes", summary = "List quotes, newest first; a customer sees only its own (e.g. the open ones to accept)",
            extensions = @Extension(name = "x-sort-fields", value = "createdAt, totalJpy, status, id"))
    public Uni<Page<QuoteView>> list(@QueryParam("customerId") CustomerId customerId,
            @QueryParam("status") QuoteStatus status, @BeanParam @Valid PageRequest paging) {
        return service.list(caller.scope().customerFilter(customerId == null ? null : customerId.value()), status,
                paging);
    }

    @GET
    @Path("/{quoteId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getQuote", summary = "Read one quote (a customer only its own)")
    public Uni<QuoteView> get(@PathParam("quoteId") QuoteId quoteId) {
        return service.get(quoteId.number(), caller.customerScope());
    }

    @POST
    @Path("/{quoteId}/accept")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "acceptQuote", summary = "Accept a quote; accepting again answers it unchanged",
            extensions = @Extension(name = "x-idempotent", value = "accepting an accepted quote answers it unchanged"))
    public Uni<QuoteView> accept(@PathParam("quoteId") QuoteId quoteId, @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return service.accept(quoteId.number(), caller.customerScope(), caller.subject(), ifMatch);
    }
}
