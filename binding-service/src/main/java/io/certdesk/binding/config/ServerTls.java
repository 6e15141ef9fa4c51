package io.certdesk.binding.config;

import io.certdesk.binding.binding.Binding;
import io.certdesk.binding.binding.BindingView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a renderer needs: the server and its bindings grouped by endpoint, each endpoint's default first. */
public record ServerTls(long serverId, String hostname, List<EndpointTls> endpoints) {

    /** One IP:port and the domains on it; {@code domains.get(0)} is the default. */
    public record EndpointTls(String ip, int port, boolean shared, List<DomainTls> domains) {
    }

    /** One bound domain. */
    public record DomainTls(String domain, String httpsUrl) {
    }

    /**
     * Groups bindings by endpoint; within an endpoint the master, then the oldest binding comes first,
     * which is the order {@code /resolve} uses to pick the default.
     */
    public static ServerTls of(long serverId, String hostname, List<Binding> bindings) {
        List<Binding> sorted = new ArrayList<>(bindings);
        sorted.sort(Comparator.comparing((Binding b) -> b.ip).thenComparingInt(b -> b.port)
                .thenComparing(b -> !b.master).thenComparingLong(b -> b.id));
        Map<String, List<Binding>> groups = new LinkedHashMap<>();
        sorted.forEach(b -> groups.computeIfAbsent(b.ip + " " + b.port, k -> new ArrayList<>()).add(b));
        List<EndpointTls> endpoints = groups.values().stream().map(g -> new EndpointTls(g.get(0).ip, g.get(0).port,
                g.get(0).strategy.shared(), g.stream().map(b -> new DomainTls(b.domain,
                        BindingView.httpsUrl(b.domain, b.port))).toList())).toList();
        return new ServerTls(serverId, hostname, endpoints);
    }

    /** The distinct IPs, in endpoint order. */
    public List<String> ips() {
        return endpoints.stream().map(EndpointTls::ip).distinct().toList();
    }

    /** Every domain on {@code ip} (any port), in endpoint order. */
    public List<DomainTls> domainsOn(String ip) {
        return endpoints.stream().filter(e -> e.ip().equals(ip)).flatMap(e -> e.domains().stream()).toList();
    }
}
