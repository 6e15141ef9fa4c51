package io.certdesk.binding.binding;

import io.certdesk.binding.platform.BindingConfig;
import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.Times;
import io.certdesk.binding.server.Server;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the master domain's binding (SNI on primary IP:443, the default of that endpoint) in step with the
 * server registry. The registry calls this inside its own transactions; a real row, rather than an
 * implied default, lets the database check the master domain against every other name on that endpoint.
 */
@ApplicationScoped
public class MasterBinding {

    private final BindingRepository bindings;
    private final EndpointRepository endpoints;
    private final BindingConfig config;

    public MasterBinding(BindingRepository bindings, EndpointRepository endpoints, BindingConfig config) {
        this.bindings = bindings;
        this.endpoints = endpoints;
        this.config = config;
    }

    /** Creates the endpoint primary:443 and the master binding of a server just persisted. */
    public Uni<Void> create(Server server) {
        Endpoint e = new Endpoint();
        e.ip = server.primaryIp;
        e.port = config.httpsPort();
        e.shared = true;
        e.serverId = server.id;
        Binding b = new Binding();
        b.serverId = server.id;
        b.domain = server.masterDomain;
        b.strategy = Strategy.SNI;
        b.ip = server.primaryIp;
        b.port = config.httpsPort();
        b.master = true;
        b.createdAt = Times.now();
        return endpoints.persistAndFlush(e).flatMap(ignored -> bindings.persistAndFlush(b)).replaceWithVoid();
    }

    /** Moves the master binding to a new master domain of the (locked) server. */
    public Uni<Void> rename(Server server, String masterDomain) {
        return bindings.ofDomain(server.id, masterDomain).flatMap(existing -> {
            if (existing != null && !existing.master) {
                return Uni.createFrom().failure(DomainException.conflict("The domain " + masterDomain
                        + " already has binding " + existing.id + " (" + existing.strategy + " on " + existing.ip + ":"
                        + existing.port + ") on server " + server.id + "; unbind it before making it the master domain"));
            }
            return bindings.master(server.id).flatMap(master -> {
                if (master == null) {
                    return create(server);
                }
                master.domain = masterDomain;
                return bindings.flush();
            });
        });
    }
}
