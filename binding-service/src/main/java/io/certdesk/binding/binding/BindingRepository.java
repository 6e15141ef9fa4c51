package io.certdesk.binding.binding;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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

    /** The listing's filters across servers; null means any. */
    public record Filter(String domain, Long serverId, String certificateId, String orderId, ProbeStatus probeStatus) {
    }

    public PanacheQuery<Binding> search(Filter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.domain() != null) {
            where.add("domain = :domain");
            params.and("domain", f.domain());
        }
        if (f.serverId() != null) {
            where.add("serverId = :server");
            params.and("server", f.serverId());
        }
        if (f.certificateId() != null) {
            where.add("certificateId = :certificate");
            params.and("certificate", f.certificateId());
        }
        if (f.orderId() != null) {
            where.add("orderId = :order");
            params.and("order", f.orderId());
        }
        if (f.probeStatus() != null) {
            where.add("probeStatus = :probe");
            params.and("probe", f.probeStatus());
        }
        return find(where.isEmpty() ? "from Binding" : "from Binding where " + String.join(" and ", where), sort, params);
    }

    public Uni<Binding> master(long serverId) {
        return find("serverId = ?1 and master = true", serverId).firstResult();
    }
}
