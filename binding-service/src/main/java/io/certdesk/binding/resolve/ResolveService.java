package io.certdesk.binding.resolve;

import io.certdesk.binding.binding.Binding;
import io.certdesk.binding.binding.BindingId;
import io.certdesk.binding.binding.BindingRepository;
import io.certdesk.binding.binding.BindingView;
import io.certdesk.binding.config.ServerTls;
import io.certdesk.binding.config.TlsLayout;
import io.certdesk.binding.platform.DomainNames;
import io.certdesk.binding.network.IpAddresses;
import io.certdesk.binding.platform.CertificateId;
import io.certdesk.binding.platform.DomainException;
import io.certdesk.binding.platform.ProblemType;
import io.certdesk.binding.platform.Scope;
import io.certdesk.binding.platform.ServerId;
import io.certdesk.binding.server.ServerRepository;
import io.certdesk.binding.server.Server;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers which binding serves (IP, port, server name) exactly as the rendered nginx and Apache
 * configurations choose. Only bindings with a linked certificate are served over HTTPS (see
 * {@link ServerTls#serves}); among them, the binding whose domain equals the SNI name on that endpoint,
 * otherwise the endpoint's default (the master binding, else the oldest binding there). A name that is
 * bound but still waits for its certificate therefore gets the default, as a real client would. What is bound at each
 * IP:port is held in {@link ResolveTable}, so a router asking per connection costs no database round trip.
 */
@ApplicationScoped
public class ResolveService {

    private final BindingRepository bindings;
    private final ServerRepository servers;
    private final TlsLayout layout;
    private final ResolveTable table;

    public ResolveService(BindingRepository bindings, ServerRepository servers, TlsLayout layout, ResolveTable table) {
        this.table = table;
        this.bindings = bindings;
        this.servers = servers;
        this.layout = layout;
    }

    /** The server facts an answer needs. */
    record ServerInfo(long id, String customerId, String hostname) {
    }

    public Uni<Resolution> resolve(String ipText, int port, String serverName, Scope scope) {
        String ip = IpAddresses.parse(ipText).map(IpAddresses::text)
                .orElseThrow(() -> DomainException.invalid("ip", "must be an IPv4 or IPv6 address"));
        Optional<String> name = Optional.empty();
        if (serverName != null && !serverName.isBlank()) {
            DomainNames.Result result = DomainNames.canonical(serverName);
            name = Optional.of(result.name().orElseThrow(() -> DomainException.invalid("serverName", result.problem())));
        }
        Optional<String> sni = name;
        ResolveTable.Endpoint held = table.get(ip, port);
        Uni<ResolveTable.Endpoint> endpoint = held != null ? Uni.createFrom().item(held) : load(ip, port);
        return endpoint.map(e -> answer(e, ip, port, sni, scope));
    }

    /** The bindings at ip:port and their servers from the database, kept in the table unless a change raced it. */
    private Uni<ResolveTable.Endpoint> load(String ip, int port) {
        long generation = table.generation();
        return Panache.withSession(() -> bindings.at(ip, port).flatMap(bound -> {
            List<Long> ids = bound.stream().map(b -> b.serverId).distinct().toList();
            Uni<List<Server>> owners = ids.isEmpty() ? Uni.createFrom().item(List.of()) : servers.list("id in ?1", ids);
            return owners.map(list -> new ResolveTable.Endpoint(List.copyOf(bound), list.stream().collect(
                    Collectors.toUnmodifiableMap(s -> s.id, s -> new ServerInfo(s.id, s.customerId, s.hostname)))));
        })).invoke(e -> table.keep(ip, port, e, generation));
    }

    private Resolution answer(ResolveTable.Endpoint e, String ip, int port, Optional<String> sni, Scope scope) {
        List<Binding> bound = e.bound();
        // the rendered configurations have no HTTPS block for a binding still waiting for its certificate
        List<Binding> candidates = bound.stream().filter(ServerTls::serves).toList();
        if (candidates.isEmpty()) {
            if (bound.isEmpty()) {
                throw nothingAt(ip, port);
            }
            ServerInfo server = e.servers().get(bound.get(0).serverId);
            if (server == null || !scope.allows(server.customerId(), Long.toString(server.id()))) {
                throw nothingAt(ip, port);
            }
            throw new DomainException(ProblemType.NOT_FOUND, "No binding answers on " + ip + ":" + port
                    + " yet: " + String.join(", ", bound.stream().map(b -> b.domain).toList())
                    + " wait(s) for a certificate to be linked");
        }
        Binding chosen = choose(candidates, sni);
        Resolution.Match match = sni.isPresent() && sni.get().equals(chosen.domain)
                ? Resolution.Match.SERVER_NAME : Resolution.Match.DEFAULT;
        ServerInfo server = e.servers().get(chosen.serverId);
        if (server == null || !scope.allows(server.customerId(), Long.toString(server.id()))) {
            throw nothingAt(ip, port);
        }
        return new Resolution(BindingId.of(chosen.id), chosen.domain, ServerId.of(server.id()), server.hostname(),
                new CertificateId(chosen.certificateId),
                layout.of(chosen.domain).fullchain(), match, BindingView.httpsUrl(chosen.domain, chosen.port));
    }

    /** {@code candidates} come default first; an exclusive endpoint has exactly one. */
    static Binding choose(List<Binding> candidates, Optional<String> sni) {
        return sni.flatMap(n -> candidates.stream().filter(b -> b.domain.equals(n)).findFirst())
                .orElse(candidates.get(0));
    }

    private static DomainException nothingAt(String ip, int port) {
        return new DomainException(ProblemType.NOT_FOUND,
                "No binding answers on " + ip + ":" + port);
    }
}
