package io.certdesk.binding.server;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A server as the API shows it. */
@Schema(name = "Server")
public record ServerView(
        long id,
        String hostname,
        String customerId,
        String masterDomain,
        String primaryIp,
        ContractPlan plan,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static ServerView of(Server s) {
        return new ServerView(s.id, s.hostname, s.customerId, s.masterDomain, s.primaryIp,
                new ContractPlan(s.planCode, s.additionalIpLimit), s.createdAt, s.updatedAt, s.version);
    }
}
