package io.certdesk.binding.server;

import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.Scope;
import io.certdesk.binding.platform.Searches;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Servers, optionally narrowed to one customer. */
@ApplicationScoped
public class ServerRepository implements PanacheRepository<Server> {

    /** The servers {@code scope} may see, narrowed further to {@code customerId} when that is not null. */
    public PanacheQuery<Server> listed(Scope scope, String customerId, String q, Sort sort) {
        // a customer asking for another customer's list gets an empty one, never theirs
        String customer = scope.customerFilter(customerId);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (customer != null) {
            where.add("customerId = :customer");
            params.put("customer", customer);
        }
        if (scope.server() != null) {
            where.add("id = :server");
            params.put("server", scope.server().number());
        }
        if (q != null && !q.isBlank()) {
            where.add("(lower(hostname) like :q escape '!' or lower(masterDomain) like :q escape '!')");
            params.put("q", Searches.contains(q));
        }
        return where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
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

    /** The primary IPs that lie in the network {@code cidr} (PostgreSQL's inet containment), lowest first. */
    public Uni<List<String>> primaryIpsIn(String cidr) {
        return getSession().flatMap(session -> session.createNativeQuery("select primary_ip from server "
                        + "where cast(primary_ip as inet) <<= cast(cast(:cidr as text) as inet) order by cast(primary_ip as inet)", String.class)
                .setParameter("cidr", cidr).getResultList());
    }

    /** The server if {@code scope} may see it, else a 404 failure. */
    public Uni<Server> visible(long id, Scope scope) {
        return findById(id).map(s -> s != null && scope.allows(s.customerId, Long.toString(s.id)) ? s : null)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Server", id));
    }

    /** Reads the server and locks its row until the transaction ends; every allocation for it queues here. */
    public Uni<Server> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
