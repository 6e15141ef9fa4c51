package io.certdesk.binding.ippool;

import io.certdesk.binding.platform.DatabaseFailures;
import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.ETags;
import io.certdesk.binding.platform.Page;
import io.certdesk.binding.platform.PageRequest;
import io.certdesk.binding.platform.Scope;
import io.certdesk.binding.platform.Times;
import io.certdesk.binding.server.ServerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Registers and removes IP pools and reports which addresses are where. */
@ApplicationScoped
public class IpPoolService {

    private final IpPoolRepository pools;
    private final IpAddressRepository addresses;
    private final ServerRepository servers;
    private final ETags etags;

    public IpPoolService(IpPoolRepository pools, IpAddressRepository addresses, ServerRepository servers, ETags etags) {
        this.etags = etags;
        this.pools = pools;
        this.addresses = addresses;
        this.servers = servers;
    }

    @WithTransaction
    public Uni<IpPoolView> register(IpPoolRequest request) {
        Cidr block = Cidr.parse(request.cidr()).orElseThrow(() -> DomainException.invalid("cidr",
                "must be an IPv4 or IPv6 network in CIDR notation with the host bits zero, e.g. 203.0.113.0/28"));
        block.unusableAsPool().ifPresent(why -> {
            throw DomainException.invalid("cidr", why);
        });
        String name = request.name().strip();
        return servers.primaryIpsIn(block.toString()).flatMap(primaries -> {
            if (!primaries.isEmpty()) {
                return Uni.createFrom().failure(DomainException.conflict("The range " + block + " contains the primary IP "
                        + primaries.get(0) + " of a server; a pool holds only addresses no server lives on"));
            }
            return pools.allById();
        }).flatMap(all -> {
            for (IpPool other : all) {
                if (other.name.equals(name)) {
                    return Uni.createFrom().failure(DomainException.conflict(
                            "An IP pool named '" + name + "' already exists (id " + other.id + ")"));
                }
                if (other.block().overlaps(block)) {
                    return Uni.createFrom().failure(DomainException.conflict("The range " + block + " overlaps pool "
                            + other.id + " '" + other.name + "' (" + other.cidr + "); an address can be in one pool only"));
                }
            }
            IpPool pool = new IpPool();
            pool.name = name;
            pool.cidr = block.toString();
            pool.createdAt = Times.now();
            return pools.persistAndFlush(pool).map(p -> IpPoolView.of(p, 0));
        }).onFailure(DatabaseFailures::integrity).transform(e -> DomainException.conflict("The pool '" + name
                + "' (" + block + ") was registered concurrently with an overlapping pool or the same name"));
    }

    @WithSession
    public Uni<Page<IpPoolView>> list(PageRequest paging) {
        return pools.allById().flatMap(all -> addresses.countsByPool().map(counts -> paging.slice(all.stream()
                .map(p -> IpPoolView.of(p, counts.getOrDefault(p.id, 0L))).toList())));
    }

    @WithSession
    public Uni<IpPoolView> get(long id) {
        return require(id).flatMap(p -> addresses.countOfPool(id).map(n -> IpPoolView.of(p, n)));
    }

    @WithSession
    public Uni<Page<AllocatedAddressView>> allocated(long id, PageRequest paging) {
        return require(id).flatMap(p -> addresses.ofPool(id))
                .map(list -> paging.slice(list.stream().map(AllocatedAddressView::of).toList()));
    }

    /** Removes an unused pool; the pool row lock keeps allocations from slipping in meanwhile. */
    @WithTransaction
    public Uni<Void> delete(long id, String ifMatch) {
        return pools.lock(id).onItem().ifNull().failWith(() -> DomainException.notFound("IP pool", id))
                .flatMap(pool -> addresses.countOfPool(id).flatMap(n -> {
                    etags.check(ifMatch, IpPoolView.of(pool, n), false);
                    if (n > 0) {
                        return Uni.createFrom().failure(DomainException.conflict("IP pool " + id + " '" + pool.name
                                + "' still has " + n + " address(es) allocated to servers; unbind them first"));
                    }
                    return pools.delete(pool);
                }));
    }

    /** The additional addresses of a server the caller may see. */
    @WithSession
    public Uni<Page<AllocatedAddressView>> ofServer(long serverId, Scope scope, PageRequest paging) {
        return servers.visible(serverId, scope).flatMap(s -> addresses.ofServer(serverId))
                .map(list -> paging.slice(list.stream().map(AllocatedAddressView::of).toList()));
    }

    private Uni<IpPool> require(long id) {
        return pools.findById(id).onItem().ifNull().failWith(() -> DomainException.notFound("IP pool", id));
    }
}
