package io.certdesk.order.payment;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Payments received for invoices; retries are safe with an Idempotency-Key. */
@Path("/payments")
@Tag(name = "Payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class PaymentResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final PaymentService service;
    private final Caller caller;

    public PaymentResource(PaymentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "recordPayment", summary = "Record money received for an invoice; the payment completing it moves the order to PAID")
    @APIResponse(responseCode = "201", description = "Recorded, or the answer to an earlier request with the same key and body")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used with a different request")
    public Uni<RestResponse<PaymentView>> record(
            @Parameter(description = "Unique per payment; a retry with the same key and body is answered without recording it again")
            @HeaderParam(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
            @NotNull @Valid PaymentRequest request) {
        return service.record(request, idempotencyKey.strip(), caller.subject()).map(r -> {
            var answer = RestResponse.ResponseBuilder.<PaymentView>create(RestResponse.Status.CREATED).entity(r.payment());
            if (r.replayed()) {
                answer.header(REPLAYED, "true");
            }
            return answer.build();
        });
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listPayments", summary = "The payments recorded for an invoice")
    public Uni<List<PaymentView>> list(@QueryParam("invoiceId") @NotNull Long invoiceId) {
        return service.ofInvoice(invoiceId, caller.customerScope());
    }
}
