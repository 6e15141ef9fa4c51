package io.certdesk.keystore.issuance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where certificates come from and how uploaded ones are checked. */
@ConfigMapping(prefix = "certdesk.issuance")
public interface IssuanceConfig {

    /** PEM bundle of trusted roots; when set, uploaded chains must lead to one of them. */
    Optional<Path> trustStore();

    /** The development CA. */
    Local local();

    /** The development CA that signs CSRs on this machine. */
    interface Local {
        /** Whether the LOCAL issuer may be used; off unless enabled (never in production). */
        @WithDefault("false")
        boolean enabled();

        /** Validity of certificates it signs. */
        @WithDefault("P90D")
        Duration validity();
    }
}
