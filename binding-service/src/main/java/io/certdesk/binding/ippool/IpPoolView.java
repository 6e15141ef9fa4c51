package io.certdesk.binding.ippool;

import java.math.BigInteger;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pool with its usage. */
@Schema(name = "IpPool")
public record IpPoolView(
        IpPoolId id,
        String name,
        String cidr,
        @Schema(enumeration = {"IPv4", "IPv6"}) String family,
        @Schema(description = "Addresses that can be handed out (IPv4 network and broadcast and the IPv6 subnet-router "
                + "anycast address excluded); saturates at 9223372036854775807") long usableAddresses,
        long allocatedAddresses,
        Instant createdAt) {

    static IpPoolView of(IpPool pool, long allocated) {
        Cidr block = pool.block();
        BigInteger usable = block.usableCount();
        long size = usable.bitLength() < 63 ? usable.longValue() : Long.MAX_VALUE;
        return new IpPoolView(IpPoolId.of(pool.id), pool.name, pool.cidr, block.isV4() ? "IPv4" : "IPv6", size, allocated,
                pool.createdAt);
    }
}
