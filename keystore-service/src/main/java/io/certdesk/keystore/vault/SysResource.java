package io.certdesk.keystore.vault;

import io.certdesk.keystore.audit.AuditActor;
import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.key.KeyService;
import io.certdesk.keystore.platform.Idempotency;
import io.certdesk.keystore.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** Vault administration: seal status, init, unseal, seal and master key rotation. */
@Path("/sys")
@Tag(name = "Vault")
@Produces(MediaType.APPLICATION_JSON)
public class SysResource {

    private final VaultService vault;
    private final KeyService keys;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Idempotency idempotency;

    public SysResource(VaultService vault, KeyService keys, AuditLog audit, CurrentActor actor, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.vault = vault;
        this.keys = keys;
        this.audit = audit;
        this.actor = actor;
    }

    /** Shares and threshold for a new vault. */
    @Schema(name = "InitRequest")
    public record InitRequest(
            @NotNull @Min(1) @Max(16) @Schema(examples = "5") Integer shares,
            @NotNull @Min(1) @Max(16) @Schema(examples = "3") Integer threshold) {
    }

    /** One key share towards unsealing (not needed when the vault unseals from a key file or token). */
    @Schema(name = "UnsealRequest")
    public record UnsealRequest(@Size(max = 200) String share) {

        /** Never the share itself. */
        @Override
        public String toString() {
            return "UnsealRequest[share=(hidden)]";
        }
    }

    /** Where a master key rotation stands. */
    @Schema(name = "RotationStatus")
    public record RotationStatus(
            @Schema(description = "The master key version new data keys are wrapped with") int masterKeyVersion,
            @Schema(description = "Keys whose data keys are still wrapped by an older version; the rewrap job moves them") long keysOnOlderVersions) {
    }

    @GET
    @Path("/seal-status")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getSealStatus", summary = "Whether the vault is initialised and sealed")
    public Uni<SealStatus> sealStatus() {
        return vault.status();
    }

    @POST
    @Path("/init")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "initVault", summary = "Create the root key and return its key shares, once (SHAMIR mode)",
            extensions = @Extension(name = "x-idempotent", value = "happens once: a second init is 409; the shares are "
                    + "never stored, so no answer is kept for replay"))
    @APIResponse(responseCode = "201", description = "Initialised; the vault stays sealed until unsealed with the shares",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitResult.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<InitResult>> init(@NotNull @Valid InitRequest request, UriInfo uri) {
        return audit.audited(actor.get(), "vault.init", null,
                        "shares=" + request.shares() + " threshold=" + request.threshold(),
                        () -> vault.init(request.shares(), request.threshold()))
                .map(result -> RestResponse.ResponseBuilder.<InitResult>create(RestResponse.Status.CREATED)
                        .entity(result).location(uri.getBaseUriBuilder().path("sys/seal-status").build())
                        .header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/unseal")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "unsealVault", summary = "Give one key share (or, in FILE/PKCS11 mode, re-open from the key file or token)",
            extensions = @Extension(name = "x-idempotent", value = "a share given twice counts once; answers the seal "
                    + "status, never stored for replay"))
    public Uni<SealStatus> unseal(@Valid UnsealRequest request) {
        String share = request == null ? null : request.share();
        String detail = share == null || share.isBlank() ? null : "share=" + audit.fingerprint(share.strip());
        AuditActor who = actor.get();
        return audit.audited(who, "vault.unseal", null, detail, () -> vault.unseal(share, who.subject()));
    }

    @POST
    @Path("/seal")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "sealVault", summary = "Wipe all key material from memory; nothing decrypts until unsealed",
            description = "Seals every replica: this one at once, the others within certdesk.vault.seal-check-every (2 s); "
                    + "a replica that starts meanwhile stays sealed. A successful unseal lifts it (FILE and PKCS11 replicas "
                    + "then re-open by themselves; SHAMIR replicas each need the shares).",
            extensions = @Extension(name = "x-idempotent", value = "sealing a sealed vault changes nothing"))
    public Uni<SealStatus> seal() {
        AuditActor who = actor.get();
        return audit.audited(who, "vault.seal", null, null, () -> vault.seal(who.subject()));
    }

    @POST
    @Path("/rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rotateMasterKey", summary = "Add a master key version; data keys are rewrapped to it in the background")
    @APIResponse(responseCode = "202", description = "New version in use for new keys; rewrapping under way (follow it at the Location)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationStatus.class)))
    public Uni<RestResponse<RotationStatus>> rotate(@HeaderParam(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(idempotencyKey, null, RotationStatus.class, () -> audit.audited(actor.get(),
                        "vault.rotate", null, null, () -> vault.rotate())
                .flatMap(version -> keys.countOnOlderVersions().map(pending -> RestResponse.ResponseBuilder
                        .<RotationStatus>create(RestResponse.Status.ACCEPTED)
                        .location(uri.getBaseUriBuilder().path("sys/rotation").build())
                        .entity(new RotationStatus(version, pending)).build())));
    }

    @GET
    @Path("/rotation")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(operationId = "getRotationStatus", summary = "Current master key version and how many keys still wait to be rewrapped")
    public Uni<RotationStatus> rotation() {
        return keys.countOnOlderVersions().map(pending -> new RotationStatus(
                vault.currentVersion(), pending));
    }
}
