package io.certdesk.binding.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses to start with a configuration that would only fail later, request by request. */
@ApplicationScoped
public class StartupChecks {

    void verifyTokensCanBeChecked(@Observes StartupEvent event,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key) {
        if (keyLocation.isEmpty() && key.isEmpty()) {
            throw new IllegalStateException("No JWT verification key is configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "to the issuer's public key (PEM file) or JWKS URL");
        }
    }
}
