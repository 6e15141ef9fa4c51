package io.certdesk.binding.binding;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Bindings; lists come in the order a TLS server treats them (the default of an endpoint first). */
@ApplicationScoped
public class BindingRepository implements PanacheRepository<Binding> {

    static final String ORDER = " order by master desc, id";

    public Uni<List<Binding>> ofServer(long serverId) {
        return list("serverId = ?1" + ORDER, serverId);
    }

    public Uni<List<Binding>> at(String ip, int port) {
        return list("ip = ?1 and port = ?2" + ORDER, ip, port);
    }

    public Uni<List<Binding>> onIp(String ip) {
        return list("ip = ?1" + ORDER, ip);
    }

    public Uni<Binding> ofDomain(long serverId, String domain) {
        return find("serverId = ?1 and domain = ?2", serverId, domain).firstResult();
    }

    public Uni<Binding> master(long serverId) {
        return find("serverId = ?1 and master = true", serverId).firstResult();
    }
}
