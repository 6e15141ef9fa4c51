package io.certdesk.binding.binding;

import io.certdesk.binding.ippool.AddressAllocator;
import io.certdesk.binding.ippool.IpAddress;
import io.certdesk.binding.ippool.IpAddressRepository;
import io.certdesk.binding.platform.DomainNames;
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
import java.util.Map;
import java.util.Objects;
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
    private final ServedCertificateProbe prober;

    public BindingService(BindingRepository bindings, EndpointRepository endpoints, ServerRepository servers,
            IpAddressRepository addresses, AddressAllocator allocator, BindingConfig config, ETags etags,
            ServedCertificateProbe prober) {
        this.etags = etags;
        this.prober = prober;
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
        if (request.certificateFingerprint() != null && certificateId == null) {
            throw DomainException.invalid("certificateFingerprint", "is given only with a certificateId");
        }
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
                }).flatMap(placement -> persist(server, domain, strategy, placement, certificateId,
                        request.certificateFingerprint(), request.orderId() == null ? null : request.orderId().value())))
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
            String certificateId, String fingerprint, String orderId) {
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
        b.certificateFingerprint = certificateId == null ? null : fingerprint;
        b.orderId = orderId;
        b.createdAt = Times.now();
        return endpoint.flatMap(ignored -> bindings.persistAndFlush(b))
                .flatMap(saved -> defaultOf(saved).map(def -> result(saved, def, server)));
    }

    private Uni<Binding> defaultOf(Binding b) {
        return bindings.at(b.ip, b.port).map(list -> list.isEmpty() ? null : list.get(0));
    }

    private BindingResult result(Binding b, Binding endpointDefault, Server server) {
        BindingView view = BindingView.of(b);
        return new BindingResult(view, view.httpsUrl(), warnings(b.strategy, b.domain, b.ip, b.port,
                endpointDefault == null || endpointDefault.id.longValue() == b.id ? null : endpointDefault.domain, server,
                b.certificateId != null));
    }

    /**
     * What the customer should know about a domain placed this way; the same sentences for a binding made and for
     * a preview. {@code ip} is null for a DEDICATED_IP preview (the address is drawn when the domain is bound);
     * {@code otherDefault} is the domain non-SNI clients get on that endpoint when it is not this one.
     */
    private List<String> warnings(Strategy strategy, String domain, String ip, int port, String otherDefault,
            Server server, boolean certificateLinked) {
        String httpsUrl = BindingView.httpsUrl(domain, port);
        List<String> warnings = new ArrayList<>();
        if (strategy == Strategy.ALTERNATE_PORT) {
            warnings.add("Port " + port + " is not the standard HTTPS port: many routers and firewalls block unusual "
                    + "ports, so some visitors may not reach " + httpsUrl + " and will think the site is down.");
        }
        if (strategy == Strategy.SNI && otherDefault != null) {
            warnings.add("Clients that do not send SNI (very old browsers and libraries) receive the certificate of "
                    + otherDefault + ", the default of " + ip + ":" + port + ".");
        }
        if (strategy == Strategy.DEDICATED_IP) {
            warnings.add(ip == null
                    ? "A free address from the IP pools will be added to server " + server.id + " (" + server.hostname
                            + ") when the domain is placed; point the DNS of " + domain + " to it."
                    : "The address " + ip + " was added to server " + server.id + " (" + server.hostname
                            + "); point the DNS of " + domain + " to it.");
        }
        if (!certificateLinked) {
            warnings.add("No certificate is linked yet, so the rendered web server configuration serves " + domain
                    + " over plain HTTP only (ACME challenges included) and /resolve ignores it; once a certificate "
                    + "is linked its HTTPS block expects the files under " + config.tlsRoot() + "/" + domain + "/.");
        }
        return warnings;
    }

    /**
     * What {@link #bind} would do with {@code domain} and {@code strategy}, without doing it: where the domain would
     * go, its URL and the warnings; or, when the domain is already bound on the server, that binding as it is.
     * The same refusals as a bind (unknown server, bad domain, no free port, an exclusive endpoint).
     */
    @WithSession
    public Uni<BindingPreview> preview(long serverId, String rawDomain, Strategy strategy, Scope scope) {
        String domain = canonicalDomain(rawDomain);
        return servers.visible(serverId, scope).flatMap(server -> bindings.ofDomain(serverId, domain).flatMap(existing -> {
            // a preview is for a certificate about to be ordered: that none is linked yet goes without saying
            if (existing != null) {
                return defaultOf(existing).map(def -> {
                    BindingView view = BindingView.of(existing);
                    return new BindingPreview(domain, existing.strategy, existing.ip, existing.port, view.httpsUrl(), view,
                            warnings(existing.strategy, domain, existing.ip, existing.port,
                                    def == null || def.id.longValue() == existing.id ? null : def.domain, server, true));
                });
            }
            Uni<Placement> placement = switch (strategy) {
                case SNI -> sni(server, null);
                case DEDICATED_IP -> Uni.createFrom().item(new Placement(null, config.httpsPort(), true));
                case ALTERNATE_PORT -> alternatePort(server, null);
            };
            return placement.flatMap(p -> (p.ip() == null ? Uni.createFrom().<List<Binding>>item(List.of())
                    : bindings.at(p.ip(), p.port())).map(onEndpoint -> new BindingPreview(domain, strategy, p.ip(),
                            p.port(), BindingView.httpsUrl(domain, p.port()), null, warnings(strategy, domain, p.ip(),
                                    p.port(), onEndpoint.isEmpty() ? null : onEndpoint.get(0).domain, server, true))));
        }));
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
    public Uni<BindingView> linkCertificate(long serverId, long bindingId, String certificateId, String fingerprint,
            String ifMatch) {
        if (fingerprint != null && certificateId == null) {
            throw DomainException.invalid("certificateFingerprint", "is given only with a certificateId");
        }
        return require(serverId, bindingId).flatMap(b -> {
            etags.check(ifMatch, BindingView.of(b), false);
            if (!Objects.equals(b.certificateId, certificateId)
                    || !Objects.equals(b.certificateFingerprint, fingerprint)) {
                // a new certificate has not been seen on the server yet
                b.probeStatus = ProbeStatus.NOT_PROBED;
                b.probedAt = null;
                b.servedFingerprint = null;
                b.probeDetail = null;
            }
            b.certificateFingerprint = certificateId == null ? null : fingerprint;
            b.certificateId = certificateId;
            return bindings.flush().map(ignored -> BindingView.of(b));
        });
    }

    /**
     * Asks the server what it serves for the binding (a TLS handshake to its IP:port with the domain as SNI, no
     * transaction open meanwhile) and records the answer. A binding without a linked certificate has nothing to
     * compare with: 409.
     */
    public Uni<BindingView> probe(long serverId, long bindingId) {
        return readForProbe(serverId, bindingId).flatMap(b -> prober.probe(b.ip(), b.port(), b.domain())
                .flatMap(served -> recordProbe(serverId, bindingId, b.fingerprint(), served)));
    }

    private record ProbeTarget(String ip, int port, String domain, String fingerprint) {
    }

    @WithSession
    Uni<ProbeTarget> readForProbe(long serverId, long bindingId) {
        return require(serverId, bindingId).map(b -> {
            if (b.certificateId == null || b.certificateFingerprint == null) {
                throw DomainException.conflict("Binding " + bindingId + " (" + b.domain + ") has no certificate with "
                        + "its fingerprint linked; there is nothing to compare what the server serves with");
            }
            return new ProbeTarget(b.ip, b.port, b.domain, b.certificateFingerprint);
        });
    }

    @WithTransaction
    Uni<BindingView> recordProbe(long serverId, long bindingId, String expected, ServedCertificateProbe.Served served) {
        return require(serverId, bindingId).map(b -> {
            if (!expected.equals(b.certificateFingerprint)) {
                // another certificate was linked while the probe ran: this answer says nothing about it
                return BindingView.of(b);
            }
            b.probedAt = Times.now();
            b.servedFingerprint = served.fingerprint();
            b.probeStatus = served.fingerprint() == null ? ProbeStatus.UNREACHABLE
                    : served.fingerprint().equals(expected) ? ProbeStatus.SERVED : ProbeStatus.MISMATCH;
            b.probeDetail = served.problem() != null ? truncate(served.problem())
                    : b.probeStatus == ProbeStatus.MISMATCH ? "the server presents another certificate ("
                            + served.fingerprint() + "); the linked one is not deployed yet" : null;
            return BindingView.of(b);
        });
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    @WithSession
    public Uni<Page<BindingView>> search(BindingRepository.Filter filter, PageRequest paging) {
        var query = bindings.search(filter, paging.sort(Map.of("id", "id", "domain", "domain", "createdAt", "createdAt"),
                "id", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(BindingView::of).toList(), total)));
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
