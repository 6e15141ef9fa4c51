package io.certdesk.binding.binding;

import io.certdesk.binding.ippool.AddressAllocator;
import io.certdesk.binding.ippool.IpAddress;
import io.certdesk.binding.ippool.IpAddressRepository;
import io.certdesk.binding.network.DomainNames;
import io.certdesk.binding.network.IpAddresses;
import io.certdesk.binding.platform.BindingConfig;
import io.certdesk.binding.platform.DatabaseFailures;
import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.ETags;
import io.certdesk.binding.platform.Page;
import io.certdesk.binding.platform.PageRequest;
import io.certdesk.binding.platform.Scope;
import io.certdesk.binding.platform.Times;
import io.certdesk.binding.server.Server;
import io.certdesk.binding.server.ServerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Places domains on a server's IPs and ports. Every change first locks the server row, so requests for
 * one server run one after the other; the database's unique indexes and foreign keys are the backstop,
 * and a violation that still slips through becomes a 409.
 */
@ApplicationScoped
public class BindingService {

    private final BindingRepository bindings;
    private final EndpointRepository endpoints;
    private final ServerRepository servers;
    private final IpAddressRepository addresses;
    private final AddressAllocator allocator;
    private final BindingConfig config;
    private final ETags etags;

    public BindingService(BindingRepository bindings, EndpointRepository endpoints, ServerRepository servers,
            IpAddressRepository addresses, AddressAllocator allocator, BindingConfig config, ETags etags) {
        this.etags = etags;
        this.bindings = bindings;
        this.endpoints = endpoints;
        this.servers = servers;
        this.addresses = addresses;
        this.allocator = allocator;
        this.config = config;
    }

    @WithTransaction
    public Uni<BindingResult> bind(long serverId, BindingRequest request) {
        String domain = canonicalDomain(request.domain());
        String ip = request.ip() == null || request.ip().isBlank() ? null : IpAddresses.parse(request.ip())
                .map(IpAddresses::text).orElseThrow(() -> DomainException.invalid("ip", "must be an IPv4 or IPv6 address"));
        Strategy strategy = request.strategy();
        if (strategy == Strategy.DEDICATED_IP && ip != null) {
            throw DomainException.invalid("ip", "DEDICATED_IP takes a free address from a pool; leave ip empty");
        }
        if (strategy != Strategy.DEDICATED_IP && request.poolId() != null) {
            throw DomainException.invalid("poolId", "only DEDICATED_IP draws from a pool");
        }
        String certificateId = request.certificateId() == null ? null : request.certificateId().value();
        return servers.lock(serverId).onItem().ifNull().failWith(() -> DomainException.notFound("Server", serverId))
                .flatMap(server -> bindings.ofDomain(serverId, domain).flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(DomainException.conflict("The domain " + domain
                                + " already has binding " + existing.id + " (" + existing.strategy + " on " + existing.ip
                                + ":" + existing.port + ") on server " + serverId + "; unbind it first to move it"));
                    }
                    return switch (strategy) {
                        case SNI -> sni(server, ip);
                        case DEDICATED_IP -> dedicated(server, request.poolId() == null ? null : request.poolId().number());
                        case ALTERNATE_PORT -> alternatePort(server, ip);
                    };
                }).flatMap(placement -> persist(server, domain, strategy, placement, certificateId)))
                .onFailure(DatabaseFailures::integrity).transform(e -> {
                    Log.infof("Binding %s on server %d lost a race: %s", domain, serverId,
                            DatabaseFailures.constraint(e).orElse(""));
                    return DomainException.conflict("A concurrent change on server " + serverId + " took the address, "
                            + "port or name needed for " + domain + "; read the bindings and retry");
                });
    }

    /** Where a new binding goes: the endpoint, and whether it must be created. */
    private record Placement(String ip, int port, boolean newEndpoint) {
    }

    private Uni<Placement> sni(Server server, String requestedIp) {
        String ip = requestedIp == null ? server.primaryIp : requestedIp;
        int port = config.httpsPort();
        return requireServerAddress(server, ip).flatMap(ignored -> endpoints.at(ip, port)).map(endpoint -> {
            if (endpoint != null && !endpoint.shared) {
                throw DomainException.conflict(ip + ":" + port + " is held exclusively by one domain (dedicated IP or "
                        + "alternate port); SNI domains cannot share it");
            }
            return new Placement(ip, port, endpoint == null);
        });
    }

    private Uni<Placement> dedicated(Server server, Long poolId) {
        return allocator.allocate(server, poolId).map(address -> new Placement(address.address, config.httpsPort(), true));
    }

    private Uni<Placement> alternatePort(Server server, String requestedIp) {
        String ip = requestedIp == null ? server.primaryIp : requestedIp;
        int first = config.alternatePorts().first();
        int last = config.alternatePorts().last();
        return requireServerAddress(server, ip).flatMap(ignored -> endpoints.onIp(ip)).map(onIp -> {
            Set<Integer> used = onIp.stream().map(e -> e.port).collect(Collectors.toCollection(TreeSet::new));
            for (int port = first; port <= last; port++) {
                if (!used.contains(port)) {
                    return new Placement(ip, port, true);
                }
            }
            throw DomainException.conflict("Every alternate port " + first + "-" + last + " on " + ip
                    + " is already taken; use SNI, a dedicated IP, or another of the server's addresses");
        });
    }

    private Uni<BindingResult> persist(Server server, String domain, Strategy strategy, Placement placement,
            String certificateId) {
        Uni<Void> endpoint = Uni.createFrom().voidItem();
        if (placement.newEndpoint()) {
            Endpoint e = new Endpoint();
            e.ip = placement.ip();
            e.port = placement.port();
            e.shared = strategy.shared();
            e.serverId = server.id;
            endpoint = endpoints.persist(e).replaceWithVoid();
        }
        Binding b = new Binding();
        b.serverId = server.id;
        b.domain = domain;
        b.strategy = strategy;
        b.ip = placement.ip();
        b.port = placement.port();
        b.certificateId = certificateId;
        b.createdAt = Times.now();
        return endpoint.flatMap(ignored -> bindings.persistAndFlush(b))
                .flatMap(saved -> defaultOf(saved).map(def -> result(saved, def, server)));
    }

    private Uni<Binding> defaultOf(Binding b) {
        return bindings.at(b.ip, b.port).map(list -> list.isEmpty() ? null : list.get(0));
    }

    private BindingResult result(Binding b, Binding endpointDefault, Server server) {
        BindingView view = BindingView.of(b);
        List<String> warnings = new ArrayList<>();
        if (b.strategy == Strategy.ALTERNATE_PORT) {
            warnings.add("Port " + b.port + " is not the standard HTTPS port: many routers and firewalls block unusual "
                    + "ports, so some visitors may not reach " + view.httpsUrl() + " and will think the site is down.");
        }
        if (b.strategy == Strategy.SNI && endpointDefault != null && endpointDefault.id.longValue() != b.id) {
            warnings.add("Clients that do not send SNI (very old browsers and libraries) receive the certificate of "
                    + endpointDefault.domain + ", the default of " + b.ip + ":" + b.port + ".");
        }
        if (b.strategy == Strategy.DEDICATED_IP) {
            warnings.add("The address " + b.ip + " was added to server " + server.id + " (" + server.hostname
                    + "); point the DNS of " + b.domain + " to it.");
        }
        if (b.certificateId == null) {
            warnings.add("No certificate is linked yet, so the rendered web server configuration serves " + b.domain
                    + " over plain HTTP only (ACME challenges included) and /resolve ignores it; once a certificate "
                    + "is linked its HTTPS block expects the files under " + config.tlsRoot() + "/" + b.domain + "/.");
        }
        return new BindingResult(view, view.httpsUrl(), warnings);
    }

    /** Removes a binding, frees its endpoint when no one else uses it, and returns a dedicated IP to its pool. */
    @WithTransaction
    public Uni<Void> unbind(long serverId, long bindingId, String ifMatch) {
        return servers.lock(serverId).onItem().ifNull().failWith(() -> DomainException.notFound("Server", serverId))
                .flatMap(server -> require(serverId, bindingId))
                .flatMap(b -> {
                    etags.check(ifMatch, BindingView.of(b), false);
                    if (b.master) {
                        return Uni.createFrom().failure(DomainException.conflict("Binding " + b.id + " is the master domain "
                                + b.domain + " on the primary IP; change the server's master domain instead of unbinding it"));
                    }
                    if (b.strategy != Strategy.DEDICATED_IP) {
                        return remove(b);
                    }
                    return bindings.onIp(b.ip).flatMap(onIp -> {
                        List<String> others = onIp.stream().filter(o -> !o.id.equals(b.id))
                                .map(o -> o.domain + " (" + o.strategy + " on port " + o.port + ")").toList();
                        if (!others.isEmpty()) {
                            return Uni.createFrom().failure(DomainException.conflict("The dedicated address " + b.ip
                                    + " still serves " + String.join(", ", others) + "; unbind those first so the address "
                                    + "can return to its pool"));
                        }
                        return remove(b).flatMap(ignored -> addresses.findByAddress(b.ip))
                                .flatMap(address -> address == null ? Uni.createFrom().voidItem() : release(address));
                    });
                });
    }

    private Uni<Void> remove(Binding b) {
        return bindings.delete(b).flatMap(ignored -> bindings.flush())
                .flatMap(ignored -> bindings.count("ip = ?1 and port = ?2", b.ip, b.port))
                .flatMap(left -> left > 0 ? Uni.createFrom().voidItem()
                        : endpoints.deleteById(new Endpoint.Key(b.ip, b.port)).replaceWithVoid());
    }

    private Uni<Void> release(IpAddress address) {
        Log.infof("Address %s returns from server %d to pool %d", address.address, address.serverId, address.poolId);
        return addresses.delete(address);
    }

    @WithTransaction
    public Uni<BindingView> linkCertificate(long serverId, long bindingId, String certificateId, String ifMatch) {
        return require(serverId, bindingId).flatMap(b -> {
            etags.check(ifMatch, BindingView.of(b), false);
            b.certificateId = certificateId;
            return bindings.flush().map(ignored -> BindingView.of(b));
        });
    }

    @WithSession
    public Uni<Page<BindingView>> list(long serverId, Scope scope, PageRequest paging) {
        return servers.visible(serverId, scope).flatMap(s -> bindings.ofServer(serverId))
                .map(list -> paging.slice(list.stream().map(BindingView::of).toList()));
    }

    @WithSession
    public Uni<BindingView> get(long serverId, long bindingId, Scope scope) {
        return servers.visible(serverId, scope).flatMap(s -> require(serverId, bindingId)).map(BindingView::of);
    }

    private Uni<Binding> require(long serverId, long bindingId) {
        return bindings.findById(bindingId).map(b -> b != null && b.serverId == serverId ? b : null)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Binding", bindingId));
    }

    /** Checks that {@code ip} is the server's primary IP or one of its pool addresses. */
    private Uni<Void> requireServerAddress(Server server, String ip) {
        if (ip.equals(server.primaryIp)) {
            return Uni.createFrom().voidItem();
        }
        return addresses.ofServer(server.id).map(held -> {
            if (held.stream().noneMatch(a -> a.address.equals(ip))) {
                List<String> all = new ArrayList<>();
                all.add(server.primaryIp);
                held.forEach(a -> all.add(a.address));
                throw DomainException.invalid("ip", "is not an address of server " + server.id + " (it has "
                        + String.join(", ", all) + ")");
            }
            return null;
        });
    }

    private static String canonicalDomain(String value) {
        DomainNames.Result result = DomainNames.canonical(value);
        return result.name().orElseThrow(() -> DomainException.invalid("domain", result.problem()));
    }
}
