package io.certdesk.order.notice;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notices staff send by hand; the automatic ones are sent by the workflow. */
@Path("/orders/{orderId}/owner-questions")
@Tag(name = "Notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class NoticeResource {

    private final NoticeService notices;
    private final Caller caller;

    public NoticeResource(NoticeService notices, Caller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "askOwnerQuestions", summary = "Mail the customer questions about the domain owner's details")
    @APIResponse(responseCode = "204", description = "Queued for mailing; the delivery is recorded on the timeline")
    public Uni<Void> ask(@PathParam("orderId") long orderId, @NotNull @Valid OwnerQuestionsRequest request) {
        return notices.askOwnerQuestions(orderId, request.questions().stream().map(String::strip).toList(),
                caller.subject());
    }
}
