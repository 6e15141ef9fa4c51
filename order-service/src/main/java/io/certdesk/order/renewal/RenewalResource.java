package io.certdesk.order.renewal;

import io.certdesk.order.customer.CustomerService;
import io.certdesk.order.platform.Caller;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.DomainException;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Paid terms and their renewal notices. */
@Path("/renewals")
@Tag(name = "Renewals")
@Produces(MediaType.APPLICATION_JSON)
public class RenewalResource {

    private final RenewalService renewals;
    private final RenewalJob job;
    private final RenewalConfig config;
    private final Caller caller;

    private final CustomerService customers;

    public RenewalResource(RenewalService renewals, RenewalJob job, RenewalConfig config, Caller caller,
            CustomerService customers) {
        this.customers = customers;
        this.renewals = renewals;
        this.job = job;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.CUSTOMER})
    @Operation(operationId = "listRenewals", summary = "Paid terms, soonest end first: their certificate, the notices sent and the renewal ordered (a customer sees its own)",
            extensions = @Extension(name = "x-sort-fields", value = "endDate, startDate, id"))
    public Uni<Page<RenewalView>> list(@QueryParam("customerId") CustomerId customerId,
            @QueryParam("endDateFrom") @Parameter(description = "Terms whose last day is on or after (Asia/Tokyo)") LocalDate endsOnFrom,
            @QueryParam("endDateTo") @Parameter(description = "Terms whose last day is on or before (Asia/Tokyo)") LocalDate endsOnTo,
            @QueryParam("status") RenewalStatus status, @BeanParam @Valid PageRequest paging) {
        if (endsOnFrom != null && endsOnTo != null && endsOnTo.isBefore(endsOnFrom)) {
            throw DomainException.invalid("endDateTo", "must not be before endDateFrom");
        }
        return renewals.list(new RenewalService.Filter(caller.scope().customerFilter(customerId == null ? null
                : customerId.value()), endsOnFrom, endsOnTo, status), paging);
    }

    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "startRenewalRun", summary = "Run the renewal job for a given day now, for all customers or one (where certdesk.renewals.manual-runs is on)",
            description = "The same run as the daily job, for the date given: renewal information asked of ACME CAs, "
                    + "reissues started, staff alerts and renewal notices; what it already did is not done again. "
                    + "Answers 409 where manual runs are off (production, unless an operator turns them on).",
            extensions = @Extension(name = "x-idempotent", value = "a notice is sent at most once per term and window, "
                    + "so running a day again sends nothing new"))
    @APIResponse(responseCode = "200", description = "The run finished",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalRun.class)))
    public Uni<RenewalRun> run(@NotNull @Valid RenewalRunRequest request) {
        if (!config.manualRuns()) {
            throw DomainException.conflict("Manual renewal runs are off here (certdesk.renewals.manual-runs); the daily "
                    + "job sends the notices");
        }
        if (request.customerId() == null) {
            return job.run(request.runDate(), null).map(RenewalRun::of);
        }
        String customerId = request.customerId().value();
        return customers.get(customerId, null)
                .onFailure(DomainException.class).transform(e -> DomainException.unknownReference("customerId",
                        "customer", customerId))
                .flatMap(c -> job.run(request.runDate(), customerId)).map(RenewalRun::of);
    }
}
