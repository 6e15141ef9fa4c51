package io.certdesk.order.notice;

import io.certdesk.order.platform.Caller;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The notices of an order: the ones the workflow queues by itself, and those staff send by hand. */
@Path("/orders/{orderId}")
@Tag(name = "Notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final NoticeService notices;
    private final Caller caller;
    private final Idempotency idempotency;

    public NoticeResource(NoticeService notices, Caller caller, Idempotency idempotency) {
        this.notices = notices;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/owner-questions")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "askOwnerQuestions", summary = "Mail the customer questions about the domain owner's details")
    @APIResponse(responseCode = "202", description = "Queued for mailing; follow it at the Location (its status)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    public Uni<RestResponse<NoticeView>> ask(@PathParam("orderId") OrderId orderId,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid OwnerQuestionsRequest request,
            UriInfo uri) {
        return idempotency.once(idempotencyKey, request, NoticeView.class, () -> notices.askOwnerQuestions(
                orderId.number(), request.questions().stream().map(String::strip).toList(), caller.subject())
                .map(n -> RestResponse.ResponseBuilder.<NoticeView>accepted().entity(n).location(uri.getBaseUriBuilder()
                        .path("orders").path(orderId.value()).path("notices").path(n.id().value()).build()).build()));
    }

    @GET
    @Path("/notices")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listOrderNotices", summary = "The notices of an order, oldest first, with where each stands",
            extensions = @Extension(name = "x-sort-fields", value = "queuedAt, id"))
    public Uni<Page<NoticeView>> list(@PathParam("orderId") OrderId orderId, @BeanParam @Valid PageRequest paging) {
        return notices.ofOrder(orderId.number(), caller.customerScope(), paging);
    }

    @GET
    @Path("/notices/{noticeId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getOrderNotice", summary = "One notice: queued, sent, or given up")
    public Uni<NoticeView> get(@PathParam("orderId") OrderId orderId, @PathParam("noticeId") NoticeId noticeId) {
        return notices.get(orderId.number(), noticeId.number(), caller.customerScope());
    }
}
