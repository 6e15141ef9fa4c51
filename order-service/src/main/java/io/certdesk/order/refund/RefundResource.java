package io.certdesk.order.refund;

import io.certdesk.order.invoice.InvoiceId;
import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.RefundId;
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

/** Money that goes back to customers: refunds by bank transfer and excesses applied to a later invoice. */
@Path("/refunds")
@Tag(name = "Refunds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RefundResource {

    private final RefundService service;
    private final Caller caller;
    private final Idempotency idempotency;

    public RefundResource(RefundService service, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "recordRefund", summary = "Record money going back from an OVERPAID or REFUND_DUE invoice "
            + "(Idempotency-Key required): a refund by bank transfer, or the money applied to another open invoice of "
            + "the same customer; issues the refund invoice (返還インボイス) for the price returned and mails the customer")
    @APIResponse(responseCode = "201", description = "Recorded, or the stored answer to an earlier request with the same key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundView.class)))
    public Uni<RestResponse<RefundView>> record(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid RefundRequest request, UriInfo uri) {
        if (idempotencyKey == null) {
            throw DomainException.invalid(Idempotency.HEADER, "is required for refunds, so that a retried refund is "
                    + "never booked twice (use a new UUID per refund)");
        }
        return idempotency.once(idempotencyKey, request, RefundView.class, () -> service.record(request,
                idempotencyKey, caller.subject()).map(r -> RestResponse.ResponseBuilder.<RefundView>created(
                        uri.getAbsolutePathBuilder().path(r.id().value()).build()).entity(r).build()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listRefunds", summary = "List refunds and applied money, newest first; by invoice (either "
            + "side) or customer; a customer sees only its own",
            extensions = @Extension(name = "x-sort-fields", value = "refundDate, recordedAt, amountJpy, id"))
    public Uni<Page<RefundView>> list(@QueryParam("invoiceId") InvoiceId invoiceId,
            @QueryParam("customerId") CustomerId customerId, @BeanParam @Valid PageRequest paging) {
        return service.list(invoiceId == null ? null : invoiceId.number(),
                caller.scope().customerFilter(customerId == null ? null : customerId.value()),
                caller.customerScope() == null, paging);
    }

    @GET
    @Path("/{refundId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getRefund", summary = "Read one refund (a customer only its own)")
    public Uni<RefundView> get(@PathParam("refundId") RefundId refundId) {
        return service.get(refundId.number(), caller.customerScope());
    }
}
