package io.certdesk.order.platform;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the token is, as this service reads it: a frontend asks once and shows only what the caller may do. */
@Path("/me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Caller caller;
    private final String service;

    public MeResource(Caller caller, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.caller = caller;
        this.service = service;
    }

    /** The caller's identity and scope. */
    @Schema(name = "CallerIdentity")
    public record CallerIdentity(
            @Schema(description = "The service that answered") String service,
            @Schema(description = "The token's subject") String subject,
            @Schema(description = "The token's roles (groups claim)") List<String> roles,
            @Schema(description = "The customer a customer token is held to; null for operators", nullable = true)
            CustomerId customerId,
            @Schema(description = "The server a deployer token is held to; null otherwise", nullable = true)
            ServerId serverId) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "getMe", summary = "The caller's roles and scope (customer id, server id) as this service reads the token")
    public CallerIdentity me() {
        Scope scope = caller.scope();
        return new CallerIdentity(service, caller.subject(), List.copyOf(caller.roles()), scope.customer(),
                scope.server());
    }
}
