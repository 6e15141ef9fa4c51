package io.certdesk.binding.server;

import io.certdesk.binding.binding.MasterBinding;
import io.certdesk.binding.ippool.IpAddressRepository;
import io.certdesk.binding.network.IpAddresses;
import io.certdesk.binding.platform.DatabaseFailures;
import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.DomainNames;
import io.certdesk.binding.platform.ETags;
import io.certdesk.binding.platform.Page;
import io.certdesk.binding.platform.PageRequest;
import io.certdesk.binding.platform.Scope;
import io.certdesk.binding.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.Map;

/** The registry of customers' dedicated servers. */
@ApplicationScoped
public class ServerService {

    private static final Map<String, String> SORTS = Map.of("id", "id", "hostname", "hostname",
            "masterDomain", "masterDomain", "createdAt", "createdAt");

    private final ServerRepository servers;
    private final MasterBinding masterBinding;
    private final IpAddressRepository addresses;
    private final ETags etags;

    // The registry keeps the master domain's binding in step with the server, so it reaches into the binding
    // and pool packages here; those packages in turn read servers. The cycle is deliberate and narrow.
    public ServerService(ServerRepository servers, MasterBinding masterBinding, IpAddressRepository addresses,
            ETags etags) {
        this.etags = etags;
        this.servers = servers;
        this.masterBinding = masterBinding;
        this.addresses = addresses;
    }

    @WithTransaction
    public Uni<ServerView> register(ServerRequest request) {
        String hostname = domain("hostname", request.hostname());
        String masterDomain = domain("masterDomain", request.masterDomain());
        InetAddress address = IpAddresses.parse(request.primaryIp())
                .orElseThrow(() -> DomainException.invalid("primaryIp", "must be an IPv4 or IPv6 address"));
        IpAddresses.notUnicast(address).ifPresent(why -> {
            throw DomainException.invalid("primaryIp", IpAddresses.text(address) + " " + why);
        });
        String primaryIp = IpAddresses.text(address);
        return servers.findByHostname(hostname).flatMap(sameName -> {
            if (sameName != null) {
                return Uni.createFrom().failure(DomainException.conflict(
                        "A server named '" + hostname + "' is already registered (id " + sameName.id + ")"));
            }
            return servers.findByPrimaryIp(primaryIp);
        }).flatMap(sameIp -> {
            if (sameIp != null) {
                return Uni.createFrom().failure(DomainException.conflict(
                        "The address " + primaryIp + " is already the primary IP of server " + sameIp.id));
            }
            return addresses.findByAddress(primaryIp);
        }).flatMap(pooled -> {
            if (pooled != null) {
                return Uni.createFrom().failure(DomainException.conflict("The address " + primaryIp
                        + " is allocated from IP pool " + pooled.poolId + " to server " + pooled.serverId));
            }
            Server s = new Server();
            s.hostname = hostname;
            s.customerId = request.customerId().value();
            s.masterDomain = masterDomain;
            s.primaryIp = primaryIp;
            s.planCode = request.plan().code().strip();
            s.additionalIpLimit = request.plan().additionalIpLimit();
            s.createdAt = Times.now();
            s.updatedAt = s.createdAt;
            return servers.persistAndFlush(s).flatMap(saved -> masterBinding.create(saved)).map(ignored -> ServerView.of(s));
        }).onFailure(DatabaseFailures::integrity).transform(e -> DomainException.conflict(
                "A server with hostname '" + hostname + "' or primary IP " + primaryIp + " already exists"));
    }

    @WithTransaction
    public Uni<ServerView> update(long id, ServerUpdate update, String ifMatch) {
        String masterDomain = domain("masterDomain", update.masterDomain());
        // the row lock orders this change after any allocation in flight, so the count below is final
        return servers.lock(id).onItem().ifNull().failWith(() -> DomainException.notFound("Server", id)).flatMap(s -> {
            etags.check(ifMatch, ServerView.of(s), true);
            return addresses.ofServer(id).flatMap(held -> {
                if (held.size() > update.plan().additionalIpLimit()) {
                    return Uni.createFrom().failure(DomainException.conflict("Server " + id + " holds " + held.size()
                            + " additional IP address(es); a plan allowing " + update.plan().additionalIpLimit()
                            + " needs dedicated-IP bindings removed first"));
                }
                return masterDomain.equals(s.masterDomain) ? Uni.createFrom().voidItem()
                        : masterBinding.rename(s, masterDomain);
            }).flatMap(ignored -> {
                s.masterDomain = masterDomain;
                s.planCode = update.plan().code().strip();
                s.additionalIpLimit = update.plan().additionalIpLimit();
                s.updatedAt = Times.now();
                return servers.flush().map(flushed -> ServerView.of(s));
            });
        }).onFailure(DatabaseFailures::integrity).transform(e -> DomainException.conflict(
                "The master domain " + masterDomain + " conflicts with a binding on server " + id));
    }

    /** Reads a server; servers outside {@code scope} look absent. */
    @WithSession
    public Uni<ServerView> get(long id, Scope scope) {
        return servers.visible(id, scope).map(ServerView::of);
    }

    /** Lists the servers {@code scope} may see, optionally only those of {@code customerId}. */
    @WithSession
    public Uni<Page<ServerView>> list(Scope scope, String customerId, String q, PageRequest paging) {
        var query = servers.listed(scope, customerId, q, paging.sort(SORTS, "id", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(ServerView::of).toList(), total)));
    }

    private static String domain(String field, String value) {
        DomainNames.Result result = DomainNames.canonical(value);
        return result.name().orElseThrow(() -> DomainException.invalid(field, result.problem()));
    }
}
