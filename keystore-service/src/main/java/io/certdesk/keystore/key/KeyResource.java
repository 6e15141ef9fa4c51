package io.certdesk.keystore.key;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Keys in custody: generated and used here; customers read their own metadata, CSR and passphrase. */
@Path("/keys")
@Tag(name = "Keys")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "jwt")
public class KeyResource {

    private final KeyService keys;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;

    public KeyResource(KeyService keys, AuditLog audit, CurrentActor actor, Caller caller) {
        this.keys = keys;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "generateKey", summary = "Generate a key pair in the vault for a customer (RSA 2048/3072/4096, ECDSA P-256/P-384)")
    @APIResponse(responseCode = "201", description = "Generated; the private key and its passphrase are stored encrypted")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<KeyView>> generate(@NotNull @Valid KeyRequest request, UriInfo uri) {
        return audit.auditedFor(actor.get(), "key.generate", (KeyView k) -> k == null ? null : k.id().toString(),
                        "algorithm=" + request.algorithm() + " customer=" + request.customerId(),
                        () -> keys.generate(request, caller.subject()))
                .map(k -> RestResponse.ResponseBuilder.<KeyView>created(
                        uri.getAbsolutePathBuilder().path(k.id().toString()).build()).entity(k).build());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "listKeys", summary = "List keys, newest first (a customer sees only their own)")
    public Uni<Page<KeyView>> list(
            @QueryParam("customerId") String customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String scope = caller.customerScope();
        return keys.list(scope != null ? scope : blankToNull(customerId), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "getKey", summary = "A key's metadata, public key fingerprint and CSR; never the private key")
    public Uni<KeyView> get(@PathParam("id") UUID id) {
        String scope = caller.customerScope();
        if (scope == null) {
            return keys.get(id, null);
        }
        return audit.audited(actor.get(), "key.read", id.toString(), null, () -> keys.get(id, scope));
    }

    @POST
    @Path("/{id}/csr")
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "createCsr", summary = "Sign a PKCS#10 CSR (SHA-256) with the key, validated like a CA would; replaces an earlier CSR")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KeyView> createCsr(@PathParam("id") UUID id, @NotNull @Valid CsrRequest request) {
        return audit.audited(actor.get(), "key.csr", id.toString(),
                "level=" + request.validationLevel() + " cn=" + request.commonName(),
                () -> keys.createCsr(id, request));
    }

    @POST
    @Path("/{id}/passphrase")
    @RolesAllowed({Roles.STAFF, Roles.CUSTOMER})
    @Operation(operationId = "revealPassphrase", summary = "Reveal the passphrase of the customer's copy of the key (audited)")
    public Uni<RestResponse<PassphraseView>> revealPassphrase(@PathParam("id") UUID id) {
        String scope = caller.customerScope();
        return audit.audited(actor.get(), "key.passphrase.reveal", id.toString(), null,
                        () -> keys.revealPassphrase(id, scope))
                .map(p -> RestResponse.ResponseBuilder.ok(p).header("Cache-Control", "no-store").build());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
