package io.certdesk.keystore.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where deploy material goes on a web server; must match binding-service's certdesk.binding.tls-root. */
@ConfigMapping(prefix = "certdesk.deploy")
public interface DeliveryConfig {

    /** Directory that holds one folder per domain with fullchain.pem, privkey.pem and passphrase. */
    @WithDefault("/etc/certdesk/tls")
    String tlsRoot();
}
