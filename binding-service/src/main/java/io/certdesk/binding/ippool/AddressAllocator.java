package io.certdesk.binding.ippool;

import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.Times;
import io.certdesk.binding.server.Server;
import io.certdesk.binding.server.ServerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands out pool addresses to servers. Runs inside the caller's transaction, which must already hold
 * the server's row lock (so the plan's limit is counted race-free); each pool is locked while it is
 * searched, so two servers never race for the same free address either.
 */
@ApplicationScoped
public class AddressAllocator {

    private static final int BATCH = 64;

    private final IpPoolRepository pools;
    private final IpAddressRepository addresses;
    private final ServerRepository servers;

    public AddressAllocator(IpPoolRepository pools, IpAddressRepository addresses, ServerRepository servers) {
        this.pools = pools;
        this.addresses = addresses;
        this.servers = servers;
    }

    /** Allocates one address to the locked {@code server}, from {@code poolId} or from the first pool with room. */
    public Uni<IpAddress> allocate(Server server, Long poolId) {
        return addresses.ofServer(server.id).flatMap(held -> {
            if (held.size() >= server.additionalIpLimit) {
                return Uni.createFrom().failure(DomainException.conflict("Server " + server.id + "'s plan "
                        + server.planCode + " allows " + server.additionalIpLimit + " additional IP address(es) and "
                        + held.size() + " are allocated" + listed(held) + "; release one or change the plan"));
            }
            if (poolId != null) {
                return pools.lock(poolId)
                        .onItem().ifNull().failWith(() -> DomainException.notFound("IP pool", poolId))
                        .flatMap(pool -> freeIn(pool, pool.block().firstUsable()))
                        .onItem().ifNull().failWith(() -> DomainException.conflict("IP pool " + poolId
                                + " has no free address left"))
                        .flatMap(address -> take(server, poolId, address));
            }
            return pools.allById().flatMap(all -> {
                if (all.isEmpty()) {
                    return Uni.createFrom().failure(DomainException.conflict(
                            "No IP pool is registered; staff must register one before dedicated IPs can be allocated"));
                }
                return fromPools(server, all.stream().map(p -> p.id).toList(), 0);
            });
        });
    }

    private Uni<IpAddress> fromPools(Server server, List<Long> ids, int index) {
        if (index == ids.size()) {
            return Uni.createFrom().failure(DomainException.conflict("All " + ids.size()
                    + " IP pool(s) are exhausted; no free global address is left"));
        }
        long id = ids.get(index);
        // pools are locked in id order, so allocations touching several pools cannot deadlock
        return pools.lock(id).flatMap(pool -> pool == null ? Uni.createFrom().nullItem()
                        : freeIn(pool, pool.block().firstUsable()))
                .flatMap(address -> address == null ? fromPools(server, ids, index + 1) : take(server, id, address));
    }

    /** The lowest address of the pool at or after {@code from} that is neither allocated nor some server's primary IP. */
    private Uni<String> freeIn(IpPool pool, BigInteger from) {
        Cidr block = pool.block();
        BigInteger last = block.lastUsable();
        if (from.compareTo(last) > 0) {
            return Uni.createFrom().nullItem();
        }
        List<String> candidates = new ArrayList<>();
        for (BigInteger n = from; n.compareTo(last) <= 0 && candidates.size() < BATCH; n = n.add(BigInteger.ONE)) {
            candidates.add(block.addressText(n));
        }
        BigInteger next = from.add(BigInteger.valueOf(candidates.size()));
        return addresses.takenAmong(candidates).flatMap(taken -> servers.primaryIpsAmong(candidates).map(primaries -> {
            Set<String> busy = new HashSet<>(taken);
            busy.addAll(primaries);
            return candidates.stream().filter(c -> !busy.contains(c)).findFirst().orElse(null);
        })).flatMap(found -> found != null ? Uni.createFrom().item(found) : freeIn(pool, next));
    }

    private Uni<IpAddress> take(Server server, long poolId, String address) {
        IpAddress a = new IpAddress();
        a.poolId = poolId;
        a.serverId = server.id;
        a.address = address;
        a.allocatedAt = Times.now();
        return addresses.persist(a);
    }

    private static String listed(List<IpAddress> held) {
        return held.isEmpty() ? "" : " (" + String.join(", ", held.stream().map(a -> a.address).toList()) + ")";
    }
}
