package io.certdesk.order.payment;

import io.certdesk.order.invoice.InvoiceId;
import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.DomainException;
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
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Payments received for invoices; an Idempotency-Key is required, so a retried payment is never counted twice. */
@Path("/payments")
@Tag(name = "Payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService service;
    private final Caller caller;
    private final Idempotency idempotency;

    public PaymentResource(PaymentService service, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "recordPayment", summary = "Record money received for an invoice (Idempotency-Key required); the payment completing it moves the order to PAID")
    @APIResponse(responseCode = "201", description = "Recorded, or the stored answer to an earlier request with the same key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    public Uni<RestResponse<PaymentView>> record(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid PaymentRequest request, UriInfo uri) {
        if (idempotencyKey == null) {
            throw DomainException.invalid(Idempotency.HEADER, "is required for payments, so that a retried payment "
                    + "is never counted twice (use a new UUID per payment)");
        }
        return idempotency.once(idempotencyKey, request, PaymentView.class, () -> service.record(request,
                idempotencyKey, caller.subject()).map(p -> RestResponse.ResponseBuilder.<PaymentView>created(
                        uri.getAbsolutePathBuilder().path(p.id().value()).build()).entity(p).build()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listPayments", summary = "List payments, newest first; by invoice, customer or date; a customer sees only its own",
            extensions = @Extension(name = "x-sort-fields", value = "paidAt, recordedAt, amountJpy, id"))
    public Uni<Page<PaymentView>> list(
            @QueryParam("invoiceId") InvoiceId invoiceId,
            @QueryParam("customerId") CustomerId customerId,
            @QueryParam("method") PaymentMethod method,
            @QueryParam("paidAtFrom") @Parameter(description = "Paid at or after (any offset)") OffsetDateTime paidAtFrom,
            @QueryParam("paidAtTo") @Parameter(description = "Paid at or before (any offset)") OffsetDateTime paidAtTo,
            @BeanParam @Valid PageRequest paging) {
        return service.list(new PaymentService.Filter(invoiceId == null ? null : invoiceId.number(),
                caller.scope().customerFilter(customerId == null ? null : customerId.value()), method,
                paidAtFrom == null ? null : paidAtFrom.toInstant(), paidAtTo == null ? null : paidAtTo.toInstant()),
                paging);
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getPayment", summary = "Read one payment (a customer only its own)")
    public Uni<PaymentView> get(@PathParam("paymentId") PaymentId paymentId) {
        return service.get(paymentId.number(), caller.customerScope());
    }
}
