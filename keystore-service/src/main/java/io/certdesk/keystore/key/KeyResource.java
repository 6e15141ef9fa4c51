package io.certdesk.keystore.key;

import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.platform.Caller;
import io.certdesk.keystore.platform.CustomerId;
import io.certdesk.keystore.platform.ETags;
import io.certdesk.keystore.platform.Idempotency;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.OrderId;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.PageRequest;
import io.certdesk.keystore.platform.Roles;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Keys in custody: generated and used here; customers read their own metadata, CSR and passphrase. */
@Path("/keys")
@Tag(name = "Keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    private final KeyService keys;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Caller caller;
    private final Idempotency idempotency;

    public KeyResource(KeyService keys, AuditLog audit, CurrentActor actor, Caller caller, Idempotency idempotency) {
        this.keys = keys;
        this.audit = audit;
        this.actor = actor;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "generateKey", summary = "Generate a key pair in the vault for a customer (RSA 2048/3072/4096, ECDSA P-256/P-384)")
    @APIResponse(responseCode = "201", description = "Generated; the private key and its passphrase are stored encrypted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<KeyView>> generate(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid KeyRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, request, KeyView.class, () -> audit.auditedFor(actor.get(),
                        "key.generate", (KeyView k) -> k == null ? null : k.id().value(),
                        "algorithm=" + request.algorithm() + " customer=" + request.customerId(),
                        () -> keys.generate(request, caller.subject()))
                .map(k -> RestResponse.ResponseBuilder.<KeyView>created(
                        uri.getAbsolutePathBuilder().path(k.id().value()).build()).entity(k).build()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "listKeys", summary = "List keys, newest first (a customer sees only their own)",
            extensions = @Extension(name = "x-sort-fields", value = "createdAt, label, id"))
    public Uni<Page<KeyView>> list(
            @QueryParam("customerId") CustomerId customerId,
            @QueryParam("orderId") OrderId orderId,
            @QueryParam("q") @Parameter(description = "Part of the label") String q,
            @QueryParam("status") KeyView.KeyStatus status,
            @BeanParam @Valid PageRequest paging) {
        return keys.list(new KeyRepository.Filter(
                caller.scope().customerFilter(customerId == null ? null : customerId.value()),
                orderId == null ? null : orderId.value(), q, status), paging);
    }

    @GET
    @Path("/{keyId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER})
    @Operation(operationId = "getKey", summary = "A key's metadata, public key fingerprint and CSR; never the private key")
    public Uni<KeyView> get(@PathParam("keyId") KeyId keyId) {
        String scope = caller.customerScope();
        if (scope == null) {
            return keys.get(keyId.uuid(), null);
        }
        return audit.audited(actor.get(), "key.read", keyId.value(), null, () -> keys.get(keyId.uuid(), scope));
    }

    @POST
    @Path("/{keyId}/csr")
    @RolesAllowed({Roles.STAFF, Roles.SERVICE})
    @Operation(operationId = "createCsr", summary = "Sign a PKCS#10 CSR (SHA-256) with the key, validated like a CA would; replaces an earlier CSR")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<KeyView>> createCsr(@PathParam("keyId") KeyId keyId,
            @HeaderParam(ETags.IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid CsrRequest request) {
        return idempotency.once(idempotencyKey, request, KeyView.class, () -> audit.audited(actor.get(), "key.csr",
                        keyId.value(), "level=" + request.validationLevel() + " cn=" + request.commonName(),
                        () -> keys.createCsr(keyId.uuid(), request, ifMatch))
                .map(RestResponse::ok));
    }

    @POST
    @Path("/{keyId}/passphrase")
    @RolesAllowed({Roles.STAFF, Roles.CUSTOMER})
    @Operation(operationId = "revealPassphrase", summary = "Reveal the passphrase of the customer's copy of the key (audited)",
            extensions = @Extension(name = "x-idempotent", value = "reveals a secret and changes nothing but the audit "
                    + "trail; never stored for replay"))
    public Uni<RestResponse<PassphraseView>> revealPassphrase(@PathParam("keyId") KeyId keyId) {
        String scope = caller.customerScope();
        return audit.audited(actor.get(), "key.passphrase.reveal", keyId.value(), null,
                        () -> keys.revealPassphrase(keyId.uuid(), scope))
                .map(p -> RestResponse.ResponseBuilder.ok(p).header("Cache-Control", "no-store").build());
    }
}
