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

    /** An ACME CA (RFC 8555): Let's Encrypt, a commercial CA's ACME endpoint, or pebble in tests. */
    Acme acme();

    /** ACME settings; ACME issuances are refused while no directory URL is set. */
    interface Acme {
        /** The CA's directory URL, e.g. https://acme-v02.api.letsencrypt.org/directory. */
        Optional<java.net.URI> directoryUrl();

        /** PEM file of CAs to trust for the ACME server's HTTPS (a test CA); default: the JVM's trust store. */
        Optional<Path> serverTrust();

        /** External account binding key id, as commercial CAs hand out. */
        Optional<String> eabKeyId();

        /** External account binding HMAC key, base64url. */
        Optional<String> eabHmacKey();

        /** Contact address registered with the account. */
        Optional<String> contactEmail();

        /** How often pending ACME issuances are looked at. */
        @WithDefault("10s")
        Duration pollEvery();

        /** How long one challenge or finalisation may take before the attempt is retried. */
        @WithDefault("90s")
        Duration stepTimeout();

        /** Attempts before an issuance fails for good. */
        @WithDefault("6")
        int maxAttempts();

        /** First retry delay; doubled each attempt unless the CA sends Retry-After. */
        @WithDefault("30s")
        Duration retryBackoff();
    }

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
