package io.certdesk.order.quote;

import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.DomainNames;
import io.certdesk.order.remote.BindingClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.binding.model.Binding;
import io.certdesk.order.remote.binding.model.Server;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks with binding-service, before a quote is written, that the certificate can be placed where the quote says:
 * the server exists and is the customer's, the domain is not served by another customer's server, and the strategy
 * can be placed on the server now. Runs with no transaction open; its answer is what the quote shows.
 */
@ApplicationScoped
public class ServerPlacement {

    /** Where the domain will be served and what the customer should know, as binding-service previews it. */
    public record Placement(String domain, BindingStrategy strategy, String httpsUrl, List<String> warnings) {
    }

    private final BindingClient binding;

    public ServerPlacement(BindingClient binding) {
        this.binding = binding;
    }

    public Uni<Placement> check(String customerId, String serverId, String rawDomain, BindingStrategy strategy) {
        DomainNames.Result result = DomainNames.canonical(rawDomain);
        if (result.name().isEmpty()) {
            return Uni.createFrom().failure(DomainException.invalid("domain", result.problem()));
        }
        String domain = result.name().get();
        return binding.getServer(serverId)
                .onFailure(RemoteProblem.class).transform(e -> ((RemoteProblem) e).is(404)
                        ? notTheCustomers(serverId, customerId) : unavailable((RemoteProblem) e))
                .flatMap(server -> {
                    if (!customerId.equals(server.getCustomerId())) {
                        return Uni.createFrom().failure(notTheCustomers(serverId, customerId));
                    }
                    return elsewhere(domain, server)
                            .flatMap(notes -> binding.preview(serverId, domain,
                                    io.certdesk.order.remote.binding.model.BindingStrategy.fromString(strategy.name()))
                                    .onFailure(RemoteProblem.class).transform(e -> refusal((RemoteProblem) e))
                                    .map(preview -> {
                                        List<String> warnings = new ArrayList<>(notes);
                                        warnings.addAll(preview.getWarnings());
                                        return new Placement(domain, strategy, preview.getHttpsUrl(), warnings);
                                    }));
                });
    }

    /**
     * Refuses a domain another customer's server serves; notes one the customer serves on another of its servers
     * (the order moves it here).
     */
    private Uni<List<String>> elsewhere(String domain, Server server) {
        return binding.bindingsOf(domain, null)
                .onFailure(RemoteProblem.class).transform(e -> unavailable((RemoteProblem) e))
                .flatMap(page -> {
                    List<String> others = page.getItems().stream().map(Binding::getServerId)
                            .filter(id -> !id.equals(server.getId())).distinct().toList();
                    if (others.isEmpty()) {
                        return Uni.createFrom().item(List.<String>of());
                    }
                    return Multi.createFrom().iterable(others)
                            .onItem().transformToUniAndConcatenate(id -> binding.getServer(id)
                                    .onFailure(RemoteProblem.class).transform(e -> unavailable((RemoteProblem) e)))
                            .collect().asList()
                            .map(servers -> {
                                if (servers.stream().anyMatch(s -> !server.getCustomerId().equals(s.getCustomerId()))) {
                                    throw DomainException.unprocessable("domain", domain
                                            + " is served by a server of another customer; it cannot be certified for "
                                            + server.getCustomerId());
                                }
                                return servers.stream().map(s -> domain + " is also bound on server " + s.getId() + " ("
                                        + s.getHostname() + "); this order places it on server " + server.getId() + " ("
                                        + server.getHostname() + ") as well.").toList();
                            });
                });
    }

    private static DomainException notTheCustomers(String serverId, String customerId) {
        return DomainException.unprocessable("serverId", "binding-service has no server " + serverId + " of customer "
                + customerId);
    }

    private static RuntimeException refusal(RemoteProblem e) {
        if (!e.retryable() && (e.is(409) || e.is(422) || e.is(400))) {
            return DomainException.unprocessable(e.is(409) ? "bindingStrategy" : "domain", e.detail());
        }
        return unavailable(e);
    }

    private static DomainException unavailable(RemoteProblem e) {
        return DomainException.unavailable("The server and its bindings cannot be checked now (" + e.getMessage()
                + "); try again shortly", 30);
    }
}
