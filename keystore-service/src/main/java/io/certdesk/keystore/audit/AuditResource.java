package io.certdesk.keystore.audit;

import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.PageRequest;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of every operation on key material, and its chain check. */
@Path("/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(operationId = "listAuditEntries", summary = "Audit entries, newest first, by action, target, outcome, actor or time",
            extensions = @Extension(name = "x-sort-fields", value = "seq"))
    public Uni<Page<AuditEntryView>> list(
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("outcome") AuditEntry.Outcome outcome,
            @QueryParam("actor") String actor,
            @QueryParam("recordedAtFrom") @Parameter(description = "Recorded at or after (any offset)") OffsetDateTime from,
            @QueryParam("recordedAtTo") @Parameter(description = "Recorded at or before (any offset)") OffsetDateTime to,
            @BeanParam @Valid PageRequest paging) {
        return audit.list(new AuditRepository.Filter(blankToNull(action), blankToNull(target), outcome,
                blankToNull(actor), from == null ? null : from.toInstant(), to == null ? null : to.toInstant()), paging);
    }

    @GET
    @Path("/verify")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(operationId = "verifyAuditChain", summary = "Recompute the hash chain and name the first missing or altered entry")
    public Uni<AuditVerification> verify() {
        return audit.verify();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
