package io.certdesk.order.invoice;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Invoices are issued by the order's invoice command; here they are read. */
@Path("/invoices")
@Tag(name = "Invoices")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class InvoiceResource {

    private final InvoiceService service;
    private final Caller caller;

    public InvoiceResource(InvoiceService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getInvoice", summary = "Read an invoice with its lines, tax per rate and payment balance")
    public Uni<InvoiceView> get(@PathParam("id") long id) {
        return service.get(id, caller.customerScope());
    }
}
