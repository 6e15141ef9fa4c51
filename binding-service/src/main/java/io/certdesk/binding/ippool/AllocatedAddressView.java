package io.certdesk.binding.ippool;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pool address and the server it is on. */
@Schema(name = "AllocatedAddress")
public record AllocatedAddressView(String address, long poolId, long serverId, Instant allocatedAt) {

    public static AllocatedAddressView of(IpAddress a) {
        return new AllocatedAddressView(a.address, a.poolId, a.serverId, a.allocatedAt);
    }
}
