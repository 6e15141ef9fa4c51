package io.certdesk.order.ordering;

import io.certdesk.order.invoice.InvoiceService;
import io.certdesk.order.invoice.InvoiceView;
import io.certdesk.order.order.OrderFilter;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.StepId;
import io.certdesk.order.order.StepStatus;
import io.certdesk.order.order.StepView;
import io.certdesk.order.order.TimelineEntry;
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
            @QueryParam("stepStatus") @Parameter(description = "Orders with a step in this status, e.g. PARKED: the "
                    + "orchestration stopped and waits for a person (the order desk's queue of parked steps)")
            StepStatus stepStatus,
            @BeanParam @Valid PageRequest paging) {
        String normalisedDomain = domain == null || domain.isBlank() ? null
                : domain.strip().toLowerCase(java.util.Locale.ROOT);
        return service.list(new OrderFilter(state,
                caller.scope().customerFilter(customerId == null ? null : customerId.value()), normalisedDomain, q,
                dueDateFrom, dueDateTo, stepStatus), paging);
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
    @Operation(operationId = "startApplication", summary = "Step 5: start the application once paid and close to the "
            + "launch date (PAID → APPLYING); order-service then places the domain, gets the key and CSR, applies to the "
            + "CA, follows the issuance and confirms the installation by itself")
    public Uni<RestResponse<OrderView>> startApplication(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid CommandRequest request) {
        return simple(orderId, ifMatch, idempotencyKey, request, service::startApplication);
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
    @Path("/{orderId}/deployment-override")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "overrideDeployment", summary = "Step 9 by hand: confirm the installation when the probe "
            + "cannot see the server, with the reason (ISSUED → INSTALLED); probing stops")
    public Uni<RestResponse<OrderView>> overrideDeployment(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid OverrideRequest request) {
        return command(idempotencyKey, request, () -> service.overrideDeployment(command(orderId,
                "Installation confirmed by hand: " + request.reason().strip(), ifMatch)));
    }

    @GET
    @Path("/{orderId}/steps")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listOrderSteps", summary = "The order's remote steps (keystore-service, binding-service), "
            + "oldest first, with attempts and the last error")
    public Uni<Page<StepView>> steps(@PathParam("orderId") OrderId orderId, @BeanParam @Valid PageRequest paging) {
        return service.steps(orderId.number(), caller.customerScope(), paging);
    }

    @POST
    @Path("/{orderId}/steps/{stepId}/retry")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "retryOrderStep", summary = "Resume a parked step once its cause is fixed, or run a "
            + "waiting one now (e.g. after uploading a MANUAL certificate)")
    @APIResponse(responseCode = "200", description = "The order with the step due now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "The step is done or cancelled")
    public Uni<RestResponse<OrderView>> retryStep(@PathParam("orderId") OrderId orderId,
            @PathParam("stepId") StepId stepId, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid CommandRequest request) {
        return command(idempotencyKey, request, () -> service.retryStep(command(orderId,
                request == null ? null : request.note(), ifMatch), stepId.number()));
    }

    @POST
    @Path("/{orderId}/cancel")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "cancelOrder", summary = "Cancel an order that is not issued yet; an unpaid invoice is voided, "
            + "the remote steps stop, and the binding and unused key made for it are released")
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
