package io.certdesk.order.console;

import io.quarkus.runtime.Startup;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the console (/console/) needs to know before anyone signs in: where the organisation's OpenID Connect
 * provider lets people sign in (authorization code with PKCE, a public client), or nothing when only pasted tokens
 * are used (the local stack). Not part of the API contract: the console's own file, answered to anyone.
 */
@Path("/console/config.json")
@PermitAll
@Startup
public class ConsoleConfigResource {

    /** The provider's endpoints and the console's client, as the browser uses them. */
    public record Oidc(String authorizationEndpoint, String tokenEndpoint, String clientId, String scope, String label) {
    }

    public record ConsoleConfig(Oidc oidc) {
    }

    private final ConsoleConfig config;

    public ConsoleConfigResource(
            @ConfigProperty(name = "certdesk.console.oidc.authorization-endpoint") Optional<String> authorizationEndpoint,
            @ConfigProperty(name = "certdesk.console.oidc.token-endpoint") Optional<String> tokenEndpoint,
            @ConfigProperty(name = "certdesk.console.oidc.client-id") Optional<String> clientId,
            @ConfigProperty(name = "certdesk.console.oidc.scope", defaultValue = "openid") String scope,
            @ConfigProperty(name = "certdesk.console.oidc.label", defaultValue = "ログインする") String label) {
        List<Optional<String>> parts = List.of(authorizationEndpoint, tokenEndpoint, clientId);
        long given = parts.stream().filter(Optional::isPresent).count();
        if (given == 0) {
            config = new ConsoleConfig(null);
            return;
        }
        if (given < parts.size()) {
            throw new IllegalStateException("certdesk.console.oidc needs authorization-endpoint, token-endpoint and "
                    + "client-id together (CERTDESK_CONSOLE_OIDC_AUTHORIZATION_ENDPOINT, …_TOKEN_ENDPOINT, …_CLIENT_ID)");
        }
        Stream.of(authorizationEndpoint.get(), tokenEndpoint.get()).forEach(ConsoleConfigResource::requireHttpUrl);
        config = new ConsoleConfig(new Oidc(authorizationEndpoint.get(), tokenEndpoint.get(), clientId.get(), scope, label));
    }

    private static void requireHttpUrl(String url) {
        URI uri = URI.create(url);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("certdesk.console.oidc endpoint is not an http(s) URL: " + url);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public ConsoleConfig get() {
        return config;
    }
}
