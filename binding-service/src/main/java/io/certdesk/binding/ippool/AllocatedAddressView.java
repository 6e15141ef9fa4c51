package io.certdesk.binding.ippool;

import io.certdesk.binding.platform.ServerId;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pool address and the server it is on. */
@Schema(name = "AllocatedAddress")
public record AllocatedAddressView(String address, IpPoolId poolId, ServerId serverId, Instant allocatedAt) {

    public static AllocatedAddressView of(IpAddress a) {
        return new AllocatedAddressView(a.address, IpPoolId.of(a.poolId), ServerId.of(a.serverId), a.allocatedAt);
    }
}
