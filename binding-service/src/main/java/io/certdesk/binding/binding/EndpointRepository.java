package io.certdesk.binding.binding;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Endpoints of servers. */
@ApplicationScoped
public class EndpointRepository implements PanacheRepositoryBase<Endpoint, Endpoint.Key> {

    public Uni<Endpoint> at(String ip, int port) {
        return findById(new Endpoint.Key(ip, port));
    }

    public Uni<List<Endpoint>> onIp(String ip) {
        return list("ip", ip);
    }
}
