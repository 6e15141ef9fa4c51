package io.certdesk.order.product;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a product gets when its request leaves the issuer or the key algorithm out. */
@ConfigMapping(prefix = "certdesk.products")
public interface CatalogConfig {

    /** MANUAL in production (a commercial CA's portal); the embedded default and the tests use LOCAL. */
    @WithDefault("MANUAL")
    Issuer defaultIssuer();

    @WithDefault("RSA_2048")
    KeyAlgorithm defaultKeyAlgorithm();
}
