package io.certdesk.binding.ippool;

import io.certdesk.binding.platform.Caller;
import io.certdesk.binding.platform.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pool addresses a server holds in addition to its primary IP. */
@Path("/servers/{serverId}/addresses")
@Tag(name = "IP pools")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ServerAddressResource {

    private final IpPoolService service;
    private final Caller caller;

    public ServerAddressResource(IpPoolService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE, Roles.CUSTOMER, Roles.DEPLOYER})
    @Operation(operationId = "listServerAddresses", summary = "Additional global addresses of a server "
            + "(released automatically when their dedicated-IP binding is removed)")
    public Uni<List<AllocatedAddressView>> list(@PathParam("serverId") long serverId) {
        return service.ofServer(serverId, caller.scope());
    }
}
