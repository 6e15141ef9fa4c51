package io.certdesk.order.order;

import io.certdesk.order.invoice.InvoiceService;
import io.certdesk.order.invoice.InvoiceView;
import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Orders and their workflow. Every transition is its own command endpoint; repeating the command that led to
 * the current state answers the order unchanged, and an illegal command answers 409 with the allowed ones.
 */
@Path("/orders")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class OrderResource {

    private final OrderService service;
    private final InvoiceService invoices;
    private final Caller caller;

    public OrderResource(OrderService service, InvoiceService invoices, Caller caller) {
        this.service = service;
        this.invoices = invoices;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "createOrder", summary = "Order the certificate of an accepted quote (step 1); starts QUOTED")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<RestResponse<OrderView>> create(@NotNull @Valid CreateOrderRequest request, UriInfo uri) {
        return service.create(request, caller.customerScope(), caller.subject()).map(o -> RestResponse.ResponseBuilder
                .<OrderView>created(uri.getAbsolutePathBuilder().path(String.valueOf(o.id())).build()).entity(o).build());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listOrders", summary = "List orders, newest first; customers see only their own")
    public Uni<Page<OrderView>> list(
            @QueryParam("state") @Parameter(schema = @Schema(implementation = OrderState.class)) String state,
            @QueryParam("customerId") String customerId,
            @QueryParam("domain") String domain,
            @QueryParam("dueFrom") @Parameter(schema = @Schema(implementation = LocalDate.class)) String dueFrom,
            @QueryParam("dueTo") @Parameter(schema = @Schema(implementation = LocalDate.class)) String dueTo,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String scope = caller.customerScope();
        if (scope != null && customerId != null && !scope.equals(customerId)) {
            return Uni.createFrom().item(new Page<>(List.of(), page, size, 0));
        }
        String normalisedDomain = domain == null || domain.isBlank() ? null
                : domain.strip().toLowerCase(java.util.Locale.ROOT);
        return service.list(new OrderFilter(state(state), scope != null ? scope : customerId, normalisedDomain,
                date("dueFrom", dueFrom), date("dueTo", dueTo)), page, size);
    }

    // Query values are parsed here rather than by JAX-RS, which turns a failed conversion into a 404.
    private static OrderState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OrderState.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("state", "'" + value + "' is not an order state; one of "
                    + java.util.Arrays.toString(OrderState.values()));
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getOrder", summary = "Read one order with the commands it accepts now")
    public Uni<OrderView> get(@PathParam("id") long id) {
        return service.get(id, caller.customerScope());
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getOrderTimeline", summary = "Everything that happened to the order: who, when, from and to which state")
    public Uni<List<TimelineEntry>> timeline(@PathParam("id") long id) {
        return service.timeline(id, caller.customerScope());
    }

    @GET
    @Path("/{id}/invoice")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getOrderInvoice", summary = "The order's invoice, once issued")
    public Uni<InvoiceView> invoice(@PathParam("id") long id) {
        return invoices.ofOrder(id, caller.customerScope());
    }

    @POST
    @Path("/{id}/launch-date")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "scheduleOrder", summary = "Set or clear the site's launch date (until the application starts)")
    public Uni<OrderView> schedule(@PathParam("id") long id, @NotNull @Valid LaunchDateRequest request) {
        return service.schedule(id, request.launchDate(), caller.subject());
    }

    @POST
    @Path("/{id}/contract")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "contractOrder", summary = "Step 1: the contract is concluded (QUOTED → CONTRACTED)")
    public Uni<OrderView> contract(@PathParam("id") long id, @Valid CommandRequest request) {
        return service.contract(id, note(request), caller.subject());
    }

    @POST
    @Path("/{id}/invoice")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "invoiceOrder", summary = "Step 2: issue the prepaid invoice (CONTRACTED → INVOICED)")
    public Uni<OrderView> issueInvoice(@PathParam("id") long id, @Valid InvoiceCommandRequest request) {
        return service.invoice(id, request == null ? null : request.extraCharges(),
                request == null ? null : request.note(), caller.subject());
    }

    @POST
    @Path("/{id}/start-application")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "startApplication", summary = "Step 5: start the application once paid and close to the launch date (PAID → APPLYING)")
    public Uni<OrderView> startApplication(@PathParam("id") long id, @Valid CommandRequest request) {
        return service.startApplication(id, note(request), caller.subject());
    }

    @POST
    @Path("/{id}/csr-ready")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "markCsrReady", summary = "Step 5: key and CSR generated on the server (APPLYING → CSR_READY)")
    public Uni<OrderView> csrReady(@PathParam("id") long id, @Valid CommandRequest request) {
        return service.csrReady(id, note(request), caller.subject());
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "submitApplication", summary = "Step 5: application sent to the CA (CSR_READY → SUBMITTED)")
    public Uni<OrderView> submit(@PathParam("id") long id, @Valid CommandRequest request) {
        return service.submit(id, note(request), caller.subject());
    }

    @POST
    @Path("/{id}/request-documents")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "requestDocuments", summary = "Steps 6-7, OV/EV: ask for the sealed form and documents (SUBMITTED → DOCUMENTS_PENDING)")
    public Uni<OrderView> requestDocuments(@PathParam("id") long id, @Valid CommandRequest request) {
        return service.requestDocuments(id, note(request), caller.subject());
    }

    @POST
    @Path("/{id}/accept-documents")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "acceptDocuments", summary = "Step 7, OV/EV: every required document accepted (DOCUMENTS_PENDING → PHONE_VERIFICATION)")
    public Uni<OrderView> acceptDocuments(@PathParam("id") long id, @Valid CommandRequest request) {
        return service.acceptDocuments(id, note(request), caller.subject());
    }

    @POST
    @Path("/{id}/issue")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "issueCertificate", summary = "Step 9: the CA issued the certificate (DV: SUBMITTED, OV/EV: PHONE_VERIFICATION after the call passed → ISSUED)")
    public Uni<OrderView> issue(@PathParam("id") long id, @NotNull @Valid IssueRequest request) {
        return service.issue(id, request.certificateId(), request.note(), caller.subject());
    }

    @POST
    @Path("/{id}/install")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "installCertificate", summary = "Step 9: installed on the server; opens the site-seal task (ISSUED → INSTALLED)")
    public Uni<OrderView> install(@PathParam("id") long id, @Valid CommandRequest request) {
        return service.install(id, note(request), caller.subject());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "cancelOrder", summary = "Cancel an order that is not issued yet; an unpaid invoice is voided")
    public Uni<OrderView> cancel(@PathParam("id") long id, @Valid CommandRequest request) {
        return service.cancel(id, note(request), caller.subject());
    }

    private static String note(CommandRequest request) {
        return request == null ? null : request.note();
    }
}
