package io.certdesk.order.reconcile;

import io.certdesk.order.platform.BankCreditId;
import io.certdesk.order.platform.BankStatementId;
import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Idempotency;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
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

/** Accounting's bank reconciliation: statements in, payments booked, the uncertain credits in a review queue. */
@Path("/")
@Tag(name = "Reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    private final Reconciliation reconciliation;
    private final Caller caller;
    private final Idempotency idempotency;

    public ReconciliationResource(Reconciliation reconciliation, Caller caller, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.reconciliation = reconciliation;
        this.caller = caller;
    }

    @POST
    @Path("bank-statements")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "uploadBankStatement", summary = "Import a bank statement (CSV as the bank exports it, UTF-8 "
            + "or Shift_JIS, as the raw body): its credits are matched to open invoices and booked as payments, the "
            + "uncertain ones wait for review",
            extensions = @Extension(name = "x-idempotent", value = "the same file imports once: importing it again "
                    + "answers 200 with the first import's figures and changes nothing; a credit an earlier, "
                    + "overlapping statement brought is a duplicate, never a second payment"))
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BankStatementView.class)))
    @APIResponse(responseCode = "200", description = "This file was imported before; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankStatementView.class)))
    public Uni<RestResponse<BankStatementView>> upload(@QueryParam("fileName") @Size(max = 200) String fileName,
            byte[] content, UriInfo uri) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("statement", "the body is empty; send the statement file as the body");
        }
        return reconciliation.importStatement(content, fileName, caller.subject()).map(imported -> {
            BankStatementView view = BankStatementView.of(imported.statement());
            return imported.replayed()
                    ? RestResponse.ResponseBuilder.ok(view).header(Idempotency.REPLAYED, "true").build()
                    : RestResponse.ResponseBuilder.<BankStatementView>created(uri.getBaseUriBuilder()
                            .path("bank-statements").path(view.id().value()).build()).entity(view).build();
        });
    }

    @GET
    @Path("bank-statements/{bankStatementId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getBankStatement", summary = "An imported statement and what its import did")
    public Uni<BankStatementView> statement(@PathParam("bankStatementId") BankStatementId id) {
        return reconciliation.statement(id.number()).map(BankStatementView::of);
    }

    @GET
    @Path("bank-credits")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listBankCredits", summary = "Credits of imported statements, oldest first; status=REVIEW is "
            + "accounting's queue", extensions = @Extension(name = "x-sort-fields", value = "valueDate, amountJpy, id"))
    public Uni<Page<BankCreditView>> credits(@QueryParam("status") BankCredit.Status status,
            @QueryParam("statementId") BankStatementId statementId, @BeanParam @Valid PageRequest paging) {
        return reconciliation.list(new Reconciliation.Filter(status, statementId == null ? null : statementId.number()),
                paging).map(page -> page.map(BankCreditView::of));
    }

    @POST
    @Path("bank-credits/{bankCreditId}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "recordBankCreditAssignment", summary = "Book a credit in review as the payment of an "
            + "invoice (with the transfer fee its payer deducted); 409 unless it is in review")
    public Uni<RestResponse<BankCreditView>> assign(@PathParam("bankCreditId") BankCreditId id,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid BankCreditAssignment request) {
        return idempotency.once(idempotencyKey, request, BankCreditView.class, () -> reconciliation.assign(id.number(),
                        request.invoiceId().number(), request.transferFeeJpy() == null ? 0 : request.transferFeeJpy(),
                        caller.subject())
                .map(c -> RestResponse.ok(BankCreditView.of(c))));
    }

    @POST
    @Path("bank-credits/{bankCreditId}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "recordBankCreditDismissal", summary = "Dismiss a credit in review that is no customer's "
            + "payment, with the reason; 409 unless it is in review")
    public Uni<RestResponse<BankCreditView>> dismiss(@PathParam("bankCreditId") BankCreditId id,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid BankCreditDismissal request) {
        return idempotency.once(idempotencyKey, request, BankCreditView.class, () -> reconciliation.dismiss(id.number(),
                        request.reason().strip(), caller.subject())
                .map(c -> RestResponse.ok(BankCreditView.of(c))));
    }
}
