package io.certdesk.order.order;

import io.certdesk.order.invoice.InvoiceService;
import io.certdesk.order.invoice.InvoiceView;
import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.OrderId;
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
import java.time.LocalDate;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Orders and their workflow. Every transition is its own command endpoint; repeating the command that led to
 * the current state answers the order unchanged, and an illegal command answers 409 with the allowed ones. Commands
 * take If-Match (the order's ETag) and Idempotency-Key, so a retried command gets its first answer back.
 */
@Path("/orders")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderService service;
    private final InvoiceService invoices;
    private final Caller caller;
    private final Idempotency idempotency;

    public OrderResource(OrderService service, InvoiceService invoices, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.invoices = invoices;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "createOrder", summary = "Order the certificate of an accepted quote (step 1); starts QUOTED")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The quote is not accepted, or already ordered")
    public Uni<RestResponse<OrderView>> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid CreateOrderRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, OrderView.class, () -> service.create(request,
                caller.customerScope(), caller.subject()).map(o -> RestResponse.ResponseBuilder.<OrderView>created(
                        uri.getAbsolutePathBuilder().path(o.id().value()).build()).entity(o).build()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listOrders", summary = "List orders, newest first unless sorted otherwise; customers see only their own",
            extensions = @Extension(name = "x-sort-fields", value = "createdAt, updatedAt, state, launchDate, domain, id"))
    public Uni<Page<OrderView>> list(
            @QueryParam("state") OrderState state,
            @QueryParam("customerId") CustomerId customerId,
            @QueryParam("domain") @Parameter(description = "Exactly this domain (punycode, lower case)") String domain,
            @QueryParam("q") @Parameter(description = "Part of the domain") String q,
            @QueryParam("dueDateFrom") @Parameter(description = "Invoice due on or after this date") LocalDate dueDateFrom,
            @QueryParam("dueDateTo") @Parameter(description = "Invoice due on or before this date") LocalDate dueDateTo,
            @BeanParam @Valid PageRequest paging) {
        String normalisedDomain = domain == null || domain.isBlank() ? null
                : domain.strip().toLowerCase(java.util.Locale.ROOT);
        return service.list(new OrderFilter(state,
                caller.scope().customerFilter(customerId == null ? null : customerId.value()), normalisedDomain, q,
                dueDateFrom, dueDateTo), paging);
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getOrder", summary = "Read one order with the commands it accepts now")
    public Uni<OrderView> get(@PathParam("orderId") OrderId orderId) {
        return service.get(orderId.number(), caller.customerScope());
    }

    @GET
    @Path("/{orderId}/timeline")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getOrderTimeline", summary = "Everything that happened to the order, oldest first: who, when, from and to which state",
            extensions = @Extension(name = "x-sort-fields", value = "occurredAt"))
    public Uni<Page<TimelineEntry>> timeline(@PathParam("orderId") OrderId orderId, @BeanParam @Valid PageRequest paging) {
        return service.timeline(orderId.number(), caller.customerScope(), paging);
    }

    @GET
    @Path("/{orderId}/invoice")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getOrderInvoice", summary = "The order's invoice, once issued")
    public Uni<InvoiceView> invoice(@PathParam("orderId") OrderId orderId) {
        return invoices.ofOrder(orderId.number(), caller.customerScope());
    }

    @POST
    @Path("/{orderId}/launch-date")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "scheduleOrder", summary = "Set or clear the site's launch date (until the application starts)")
    public Uni<RestResponse<OrderView>> schedule(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid LaunchDateRequest request) {
        return command(idempotencyKey, request, () -> service.schedule(command(orderId, null, ifMatch),
                request.launchDate()));
    }

    @POST
    @Path("/{orderId}/contract")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "contractOrder", summary = "Step 1: the contract is concluded (QUOTED → CONTRACTED)")
    public Uni<RestResponse<OrderView>> contract(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::contract);
    }

    @POST
    @Path("/{orderId}/invoice")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "invoiceOrder", summary = "Step 2: issue the prepaid invoice (CONTRACTED → INVOICED)")
    public Uni<RestResponse<OrderView>> issueInvoice(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid InvoiceCommandRequest request) {
        return command(idempotencyKey, request, () -> service.invoice(
                command(orderId, request == null ? null : request.note(), ifMatch),
                request == null ? null : request.extraCharges()));
    }

    @POST
    @Path("/{orderId}/start-application")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "startApplication", summary = "Step 5: start the application once paid and close to the launch date (PAID → APPLYING)")
    public Uni<RestResponse<OrderView>> startApplication(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::startApplication);
    }

    @POST
    @Path("/{orderId}/csr-ready")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "markCsrReady", summary = "Step 5: key and CSR generated on the server (APPLYING → CSR_READY)")
    public Uni<RestResponse<OrderView>> csrReady(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::csrReady);
    }

    @POST
    @Path("/{orderId}/submit")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "submitApplication", summary = "Step 5: application sent to the CA (CSR_READY → SUBMITTED)")
    public Uni<RestResponse<OrderView>> submit(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::submit);
    }

    @POST
    @Path("/{orderId}/request-documents")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "requestDocuments", summary = "Steps 6-7, OV/EV: ask for the sealed form and documents (SUBMITTED → DOCUMENTS_PENDING)")
    public Uni<RestResponse<OrderView>> requestDocuments(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::requestDocuments);
    }

    @POST
    @Path("/{orderId}/accept-documents")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "acceptDocuments", summary = "Step 7, OV/EV: every required document accepted (DOCUMENTS_PENDING → PHONE_VERIFICATION)")
    public Uni<RestResponse<OrderView>> acceptDocuments(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::acceptDocuments);
    }

    @POST
    @Path("/{orderId}/issue")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "issueCertificate", summary = "Step 9: the CA issued the certificate (DV: SUBMITTED, OV/EV: PHONE_VERIFICATION after the call passed → ISSUED)")
    public Uni<RestResponse<OrderView>> issue(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid IssueRequest request) {
        return command(idempotencyKey, request, () -> service.issue(command(orderId, request.note(), ifMatch),
                request.certificateId().value()));
    }

    @POST
    @Path("/{orderId}/install")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "installCertificate", summary = "Step 9: installed on the server; opens the site-seal task (ISSUED → INSTALLED)")
    public Uni<RestResponse<OrderView>> install(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::install);
    }

    @POST
    @Path("/{orderId}/cancel")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "cancelOrder", summary = "Cancel an order that is not issued yet; an unpaid invoice is voided")
    public Uni<RestResponse<OrderView>> cancel(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::cancel);
    }

    private Uni<RestResponse<OrderView>> simple(OrderId orderId, String ifMatch, String idempotencyKey,
            CommandRequest request, Function<OrderService.Command, Uni<OrderView>> action) {
        return command(idempotencyKey, request,
                () -> action.apply(command(orderId, request == null ? null : request.note(), ifMatch)));
    }

    private Uni<RestResponse<OrderView>> command(String idempotencyKey, Object request,
            java.util.function.Supplier<Uni<OrderView>> action) {
        return idempotency.once(idempotencyKey, request, OrderView.class,
                () -> action.get().map(RestResponse::ok));
    }

    private OrderService.Command command(OrderId orderId, String note, String ifMatch) {
        return new OrderService.Command(orderId.number(), note, caller.subject(), ifMatch);
    }
}
