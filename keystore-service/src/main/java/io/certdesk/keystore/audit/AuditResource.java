package io.certdesk.keystore.audit;

import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of every operation on key material, and its chain check. */
@Path("/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(operationId = "listAuditEntries", summary = "Audit entries, newest first, optionally for one action or target")
    public Uni<Page<AuditEntryView>> list(
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String a = blankToNull(action);
        String t = blankToNull(target);
        return audit.list(a, t, page, size).flatMap(items -> audit.count(a, t)
                .map(total -> new Page<>(items.stream().map(AuditEntryView::of).toList(), page, size, total)));
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
