package io.certdesk.order.remote;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How order-service proves who it is when it calls keystore-service and binding-service. It signs short-lived
 * tokens with a key of its own (no private key is shared between services); the callees trust its public key
 * beside the issuer's.
 */
@ConfigMapping(prefix = "certdesk.service-token")
public interface ServiceTokenConfig {

    /** The private key (PKCS#8 PEM) order-service signs its tokens with; CERTDESK_SERVICE_TOKEN_KEY_LOCATION. */
    String keyLocation();

    /** The key id the callees find the matching public key under in the JWKS they trust. */
    @WithDefault("order-service")
    String keyId();

    /** The iss claim: the issuer the callees accept. */
    String issuer();

    /** How long one token is valid; a new one is signed when less than a third is left. */
    @WithDefault("5M")
    Duration lifetime();
}
