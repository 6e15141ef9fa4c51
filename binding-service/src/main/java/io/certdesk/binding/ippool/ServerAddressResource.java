package io.certdesk.binding.ippool;

import io.certdesk.binding.platform.Caller;
import io.certdesk.binding.platform.Page;
import io.certdesk.binding.platform.PageRequest;
import io.certdesk.binding.platform.Roles;
import io.certdesk.binding.platform.ServerId;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pool addresses a server holds in addition to its primary IP. */
@Path("/servers/{serverId}/addresses")
@Tag(name = "IP pools")
@Produces(MediaType.APPLICATION_JSON)
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
    public Uni<Page<AllocatedAddressView>> list(@PathParam("serverId") ServerId serverId,
            @BeanParam @Valid PageRequest paging) {
        return service.ofServer(serverId.number(), caller.scope(), paging);
    }
}
