package io.certdesk.order.invoice;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.OrderId;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invoices are issued by the order's invoice command; here they are read and chased. */
@Path("/invoices")
@Tag(name = "Invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final InvoiceService service;
    private final Caller caller;

    public InvoiceResource(InvoiceService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listInvoices", summary = "List invoices, by due date unless sorted otherwise; a customer sees only its own",
            extensions = @Extension(name = "x-sort-fields", value = "dueDate, issueDate, number, totalJpy, id"))
    public Uni<Page<InvoiceView>> list(
            @QueryParam("customerId") CustomerId customerId,
            @QueryParam("orderId") OrderId orderId,
            @QueryParam("status") InvoiceStatus status,
            @QueryParam("dueDateFrom") @Parameter(description = "Due on or after this date (Asia/Tokyo)") LocalDate dueDateFrom,
            @QueryParam("dueDateTo") @Parameter(description = "Due on or before this date (Asia/Tokyo)") LocalDate dueDateTo,
            @BeanParam @Valid PageRequest paging) {
        return service.list(new InvoiceService.Filter(
                caller.scope().customerFilter(customerId == null ? null : customerId.value()),
                orderId == null ? null : orderId.number(), status, dueDateFrom, dueDateTo), paging);
    }

    @GET
    @Path("/{invoiceId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getInvoice", summary = "Read an invoice with its lines, tax per rate and payment balance")
    public Uni<InvoiceView> get(@PathParam("invoiceId") InvoiceId invoiceId) {
        return service.get(invoiceId.number(), caller.customerScope());
    }

    @GET
    @Path("/{invoiceId}/document")
    @Produces("application/pdf")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getInvoiceDocument", summary = "The invoice as the customer received it: the qualified "
            + "invoice (適格請求書) PDF rendered when it was issued, unchanged since")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> document(@PathParam("invoiceId") InvoiceId invoiceId) {
        return service.document(invoiceId.number(), caller.customerScope()).map(InvoiceResource::pdf);
    }

    @GET
    @Path("/{invoiceId}/documents")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listInvoiceDocuments", summary = "Every PDF delivered for the invoice: the invoice, the "
            + "notice of its cancellation, refund invoices (返還インボイス), oldest first")
    public Uni<Page<InvoiceDocumentView>> documents(@PathParam("invoiceId") InvoiceId invoiceId,
            @BeanParam @Valid PageRequest paging) {
        return service.documents(invoiceId.number(), caller.customerScope()).map(paging::slice);
    }

    @GET
    @Path("/{invoiceId}/documents/{invoiceDocumentId}")
    @Produces("application/pdf")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getInvoiceDocumentById", summary = "One PDF delivered for the invoice, as delivered")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> document(@PathParam("invoiceId") InvoiceId invoiceId,
            @PathParam("invoiceDocumentId") InvoiceDocumentId documentId) {
        return service.document(invoiceId.number(), documentId.number(), caller.customerScope())
                .map(InvoiceResource::pdf);
    }

    private static RestResponse<byte[]> pdf(InvoiceDocument d) {
        return RestResponse.ResponseBuilder.ok(d.pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName + "\"")
                .header("ETag", "\"" + d.sha256 + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
