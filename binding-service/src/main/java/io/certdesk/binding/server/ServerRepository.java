package io.certdesk.binding.server;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Servers, optionally narrowed to one customer. */
@ApplicationScoped
public class ServerRepository implements PanacheRepository<Server> {

    public PanacheQuery<Server> listed(String customerId) {
        return customerId == null ? findAll(Sort.by("id")) : find("customerId", Sort.by("id"), customerId);
    }

    public Uni<Server> findByHostname(String hostname) {
        return find("hostname", hostname).firstResult();
    }

    public Uni<Server> findByPrimaryIp(String ip) {
        return find("primaryIp", ip).firstResult();
    }
}
