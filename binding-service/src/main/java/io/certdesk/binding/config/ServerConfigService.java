package io.certdesk.binding.config;

import io.certdesk.binding.binding.BindingRepository;
import io.certdesk.binding.platform.Scope;
import io.certdesk.binding.server.ServerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders the web server configuration for all bindings of a server. */
@ApplicationScoped
public class ServerConfigService {

    private final ServerRepository servers;
    private final BindingRepository bindings;
    private final NginxRenderer nginx;
    private final ApacheRenderer apache;

    public ServerConfigService(ServerRepository servers, BindingRepository bindings, NginxRenderer nginx,
            ApacheRenderer apache) {
        this.servers = servers;
        this.bindings = bindings;
        this.nginx = nginx;
        this.apache = apache;
    }

    @WithSession
    public Uni<String> render(long serverId, ConfigFormat format, Scope scope) {
        return servers.visible(serverId, scope).flatMap(server -> bindings.ofServer(serverId)
                .map(list -> ServerTls.of(server.id, server.hostname, list)))
                .map(model -> switch (format) {
                    case NGINX -> nginx.render(model);
                    case APACHE -> apache.render(model);
                    case APACHE_PASSPHRASE_HELPER -> apache.passphraseHelper();
                });
    }
}
