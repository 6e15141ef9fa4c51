package io.certdesk.binding.server;

import io.certdesk.binding.platform.CustomerId;
import io.certdesk.binding.platform.ServerId;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A server as the API shows it. */
@Schema(name = "Server")
public record ServerView(
        ServerId id,
        String hostname,
        CustomerId customerId,
        String masterDomain,
        String primaryIp,
        ContractPlan plan,
        Instant createdAt,
        Instant updatedAt) {

    static ServerView of(Server s) {
        return new ServerView(ServerId.of(s.id), s.hostname, new CustomerId(s.customerId), s.masterDomain, s.primaryIp,
                new ContractPlan(s.planCode, s.additionalIpLimit), s.createdAt, s.updatedAt);
    }
}
