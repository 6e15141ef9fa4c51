package io.certdesk.binding.server;

import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.Scope;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;

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

    /** Which of {@code ips} are the primary IP of some server. */
    public Uni<List<String>> primaryIpsAmong(Collection<String> ips) {
        return list("primaryIp in ?1", ips).map(found -> found.stream().map(s -> s.primaryIp).toList());
    }

    /** The server if {@code scope} may see it, else a 404 failure. */
    public Uni<Server> visible(long id, Scope scope) {
        return findById(id).map(s -> s != null && scope.allows(s.customerId, s.id) ? s : null)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Server", id));
    }

    /** Reads the server and locks its row until the transaction ends; every allocation for it queues here. */
    public Uni<Server> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
