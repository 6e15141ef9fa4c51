package io.certdesk.order.phone;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Arranging the CA's verification call of an OV/EV order and recording how it went. */
@Path("/orders/{orderId}")
@Tag(name = "Phone verification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class PhoneVerificationResource {

    private final PhoneVerificationService service;
    private final Caller caller;

    public PhoneVerificationResource(PhoneVerificationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/phone-verification")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getPhoneVerification", summary = "The arranged CA call and its state")
    public Uni<PhoneVerificationView> get(@PathParam("orderId") long orderId) {
        return service.get(orderId, caller.customerScope());
    }

    @POST
    @Path("/phone-verification/slot")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "proposePhoneSlot", summary = "Propose the CA call's time and the authorised contact who answers")
    public Uni<PhoneVerificationView> propose(@PathParam("orderId") long orderId, @NotNull @Valid SlotRequest request) {
        return service.propose(orderId, request, caller.subject());
    }

    @POST
    @Path("/phone-verification/confirm")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "confirmPhoneSlot", summary = "The customer (or staff on its word) confirms the proposed slot")
    public Uni<PhoneVerificationView> confirm(@PathParam("orderId") long orderId) {
        return service.confirm(orderId, caller.customerScope(), caller.subject());
    }

    @POST
    @Path("/phone-verified")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "recordPhoneVerification", summary = "Record the outcome of the CA's call; a pass allows issuance")
    public Uni<PhoneVerificationView> outcome(@PathParam("orderId") long orderId, @NotNull @Valid OutcomeRequest request) {
        return service.outcome(orderId, request, caller.subject());
    }
}
