package io.certdesk.order.phone;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.OrderId;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Arranging the CA's verification call of an OV/EV order and recording how it went. */
@Path("/orders/{orderId}")
@Tag(name = "Phone verification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhoneVerificationResource {

    private final PhoneVerificationService service;
    private final Caller caller;
    private final Idempotency idempotency;

    public PhoneVerificationResource(PhoneVerificationService service, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/phone-verification")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getPhoneVerification", summary = "The arranged CA call and its state")
    public Uni<PhoneVerificationView> get(@PathParam("orderId") OrderId orderId) {
        return service.get(orderId.number(), caller.customerScope());
    }

    @POST
    @Path("/phone-verification/slot")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "proposePhoneSlot", summary = "Propose the CA call's time and the authorised contact who answers")
    public Uni<RestResponse<PhoneVerificationView>> propose(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid SlotRequest request) {
        return idempotency.once(idempotencyKey, request, PhoneVerificationView.class, () -> service.propose(
                orderId.number(), request, caller.subject(), ifMatch).map(RestResponse::ok));
    }

    @POST
    @Path("/phone-verification/confirm")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "confirmPhoneSlot", summary = "The customer (or staff on its word) confirms the proposed slot")
    public Uni<RestResponse<PhoneVerificationView>> confirm(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, null, PhoneVerificationView.class, () -> service.confirm(
                orderId.number(), caller.customerScope(), caller.subject(), ifMatch).map(RestResponse::ok));
    }

    @POST
    @Path("/phone-verified")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "recordPhoneVerification", summary = "Record the outcome of the CA's call; a pass allows issuance")
    public Uni<RestResponse<PhoneVerificationView>> outcome(@PathParam("orderId") OrderId orderId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid OutcomeRequest request) {
        return idempotency.once(idempotencyKey, request, PhoneVerificationView.class, () -> service.outcome(
                orderId.number(), request, caller.subject(), ifMatch).map(RestResponse::ok));
    }
}
