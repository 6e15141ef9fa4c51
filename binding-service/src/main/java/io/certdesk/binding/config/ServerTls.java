package io.certdesk.binding.config;

import io.certdesk.binding.binding.Binding;
import io.certdesk.binding.binding.BindingView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a renderer needs: the server and its bindings grouped by endpoint. A binding is served over HTTPS
 * only once a certificate is linked to it ({@link #serves(Binding)}); until then it "waits": the web
 * server would refuse the whole file over its missing certificate files, taking every other domain down.
 */
public record ServerTls(long serverId, String hostname, List<EndpointTls> endpoints) {

    /**
     * One IP:port: {@code domains} are served there over HTTPS, the default first; {@code waiting} are
     * bound there but have no certificate yet, so no HTTPS block is rendered for them.
     */
    public record EndpointTls(String ip, int port, boolean shared, List<DomainTls> domains, List<DomainTls> waiting) {
    }

    /** One bound domain; {@code served} is false while it waits for its certificate. */
    public record DomainTls(String domain, String httpsUrl, boolean served) {
    }

    /** The rule the renderers and {@code /resolve} share: only a binding with a linked certificate serves HTTPS. */
    public static boolean serves(Binding b) {
        return b.certificateId != null;
    }

    /**
     * Groups bindings by endpoint; within an endpoint the master, then the oldest binding comes first,
     * which is the order {@code /resolve} uses to pick the default among the served ones.
     */
    public static ServerTls of(long serverId, String hostname, List<Binding> bindings) {
        List<Binding> sorted = new ArrayList<>(bindings);
        sorted.sort(Comparator.comparing((Binding b) -> b.ip).thenComparingInt(b -> b.port)
                .thenComparing(b -> !b.master).thenComparingLong(b -> b.id));
        Map<String, List<Binding>> groups = new LinkedHashMap<>();
        sorted.forEach(b -> groups.computeIfAbsent(b.ip + " " + b.port, k -> new ArrayList<>()).add(b));
        List<EndpointTls> endpoints = groups.values().stream().map(g -> new EndpointTls(g.get(0).ip, g.get(0).port,
                g.get(0).strategy.shared(), g.stream().filter(ServerTls::serves).map(ServerTls::domain).toList(),
                g.stream().filter(b -> !serves(b)).map(ServerTls::domain).toList())).toList();
        return new ServerTls(serverId, hostname, endpoints);
    }

    private static DomainTls domain(Binding b) {
        return new DomainTls(b.domain, BindingView.httpsUrl(b.domain, b.port), serves(b));
    }

    /** The distinct IPs, in endpoint order; a waiting domain's IP is among them, for its ACME challenges. */
    public List<String> ips() {
        return endpoints.stream().map(EndpointTls::ip).distinct().toList();
    }

    /** Every domain on {@code ip} (any port, served or waiting), in endpoint order. */
    public List<DomainTls> domainsOn(String ip) {
        return endpoints.stream().filter(e -> e.ip().equals(ip))
                .flatMap(e -> Stream.concat(e.domains().stream(), e.waiting().stream())).toList();
    }

    /** The endpoints with at least one served domain: the only ones a web server should listen on for HTTPS. */
    public List<EndpointTls> servedEndpoints() {
        return endpoints.stream().filter(e -> !e.domains().isEmpty()).toList();
    }
}
