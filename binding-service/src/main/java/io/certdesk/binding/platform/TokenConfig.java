package io.certdesk.binding.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a bearer token must be beyond its signature, issuer and audience (see {@link TokenRules}). */
@ConfigMapping(prefix = "certdesk.tokens")
public interface TokenConfig {

    /**
     * The subjects whose tokens keep the {@code service} role here: the services allowed to call this one. Empty
     * (the default) means no service calls it; keystore-service and binding-service name order-service.
     */
    Optional<List<String>> serviceCallers();

    /** The oldest token accepted, counted from its {@code iat}. */
    @WithDefault("12H")
    Duration maxAge();

    /** The longest lifetime ({@code exp - iat}) of a deployer token: it sits on a customer's server. */
    @WithDefault("1H")
    Duration deployerMaxLifetime();

    /** How far a token's {@code iat} may lie ahead of this server's clock. */
    @WithDefault("60S")
    Duration clockSkew();
}
