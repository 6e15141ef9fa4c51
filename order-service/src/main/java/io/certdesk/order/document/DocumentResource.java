package io.certdesk.order.document;

import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.OrderId;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Problem;
import io.certdesk.order.platform.ProblemMappers;
import io.certdesk.order.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The OV/EV document checklist of an order: the customer (or staff) uploads, staff accept or reject. */
@Path("/orders/{orderId}/documents")
@Tag(name = "Documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private final DocumentService service;
    private final Caller caller;
    private final Idempotency idempotency;

    public DocumentResource(DocumentService service, Caller caller, Idempotency idempotency) {
        this.service = service;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listDocuments", summary = "The order's document checklist and each item's review state, in checklist order")
    public Uni<Page<DocumentView>> list(@PathParam("orderId") OrderId orderId, @BeanParam @Valid PageRequest paging) {
        return service.list(orderId.number(), caller.customerScope(), paging);
    }

    @GET
    @Path("/{kind}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "getDocument", summary = "One checklist item and its review state")
    public Uni<DocumentView> get(@PathParam("orderId") OrderId orderId, @PathParam("kind") DocumentKind kind) {
        return service.get(orderId.number(), kind, caller.customerScope());
    }

    @PUT
    @Path("/{kind}/file")
    @Consumes({FileTypes.PDF, FileTypes.JPEG, FileTypes.PNG})
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "uploadDocument", summary = "Upload a document as the raw body (PDF, JPEG or PNG, checked by content)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "413", description = "The declared Content-Length exceeds the document limit; refused before the body is read",
            content = @Content(mediaType = ProblemMappers.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Uni<DocumentView> upload(@PathParam("orderId") OrderId orderId, @PathParam("kind") DocumentKind kind,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @QueryParam("fileName") @Size(max = 200) String fileName, byte[] content) {
        return service.upload(orderId.number(), kind, contentType, fileName, content, caller.customerScope(),
                caller.subject(), ifMatch);
    }

    @GET
    @Path("/{kind}/file")
    @Produces({FileTypes.PDF, FileTypes.JPEG, FileTypes.PNG, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "downloadDocument", summary = "Download the document's latest file")
    @APIResponse(responseCode = "200", description = "The file, in the media type it was uploaded as", content = {
            @Content(mediaType = FileTypes.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = FileTypes.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = FileTypes.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Uni<Response> download(@PathParam("orderId") OrderId orderId, @PathParam("kind") DocumentKind kind) {
        // A plain Response: the byte[] writer is chosen from the entity itself, whatever the media type.
        return service.download(orderId.number(), kind, caller.customerScope()).map(f -> Response
                .ok(f.content(), f.contentType())
                .header("Content-Disposition", FileNames.contentDisposition(f.fileName()))
                .build());
    }

    @POST
    @Path("/{kind}/accept")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "acceptDocument", summary = "Accept a received document")
    public Uni<RestResponse<DocumentView>> accept(@PathParam("orderId") OrderId orderId,
            @PathParam("kind") DocumentKind kind, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, null, DocumentView.class, () -> service.accept(orderId.number(), kind,
                caller.subject(), ifMatch).map(RestResponse::ok));
    }

    @POST
    @Path("/{kind}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "rejectDocument", summary = "Reject a received document with the reason; the customer may send it again")
    public Uni<RestResponse<DocumentView>> reject(@PathParam("orderId") OrderId orderId,
            @PathParam("kind") DocumentKind kind, @HeaderParam(ETags.IF_MATCH) String ifMatch,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid RejectRequest request) {
        return idempotency.once(idempotencyKey, request, DocumentView.class, () -> service.reject(orderId.number(),
                kind, request.reason(), caller.subject(), ifMatch).map(RestResponse::ok));
    }
}
