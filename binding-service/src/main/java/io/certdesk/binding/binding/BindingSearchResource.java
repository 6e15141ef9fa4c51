package io.certdesk.binding.binding;

import io.certdesk.binding.platform.DomainNames;
import io.certdesk.binding.platform.CertificateId;
import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.OrderId;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bindings across servers: where a domain is placed already, which bindings serve a certificate, which wait. */
@Path("/bindings")
@Tag(name = "Bindings")
@Produces(MediaType.APPLICATION_JSON)
public class BindingSearchResource {

    private final BindingService service;

    public BindingSearchResource(BindingService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "searchBindings", summary = "Bindings on any server, by domain, server, certificate, order or probe result",
            extensions = @Extension(name = "x-sort-fields", value = "id, domain, createdAt"))
    public Uni<Page<BindingView>> search(
            @QueryParam("domain") @Parameter(description = "Exactly this host name (IDNs as punycode are matched too)") String domain,
            @QueryParam("serverId") ServerId serverId,
            @QueryParam("certificateId") CertificateId certificateId,
            @QueryParam("orderId") OrderId orderId,
            @QueryParam("probeStatus") ProbeStatus probeStatus,
            @BeanParam @Valid PageRequest paging) {
        String name = null;
        if (domain != null && !domain.isBlank()) {
            DomainNames.Result result = DomainNames.canonical(domain);
            name = result.name().orElseThrow(() -> DomainException.invalid("domain", result.problem()));
        }
        return service.search(new BindingRepository.Filter(name, serverId == null ? null : serverId.number(),
                certificateId == null ? null : certificateId.value(), orderId == null ? null : orderId.value(), probeStatus), paging);
    }
}
