package io.certdesk.binding.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ports, file locations and peers the binding service allocates from and renders into web server configs. */
@ConfigMapping(prefix = "certdesk.binding")
public interface BindingConfig {

    /** The standard HTTPS port: SNI and dedicated-IP bindings listen here (tests use a high port). */
    @WithDefault("443")
    int httpsPort();

    /** The plain HTTP port whose virtual hosts redirect to HTTPS and answer ACME HTTP-01 challenges. */
    @WithDefault("80")
    int httpPort();

    /** The range ALTERNATE_PORT bindings take their port from. */
    AlternatePorts alternatePorts();

    /** Root of the certificate layout: {@code <tls-root>/<domain>/fullchain.pem, privkey.pem, passphrase}. */
    @WithDefault("/etc/certdesk/tls")
    String tlsRoot();

    /** Parent of each domain's document root ({@code <document-root>/<domain>}). */
    @WithDefault("/var/www")
    String documentRoot();

    /**
     * Where {@code /.well-known/acme-challenge/} requests are proxied (scheme, host and port only; the
     * original path is passed on).
     */
    @WithDefault("http://127.0.0.1:8089")
    String acmeResponderUrl();

    /**
     * The program Apache runs through {@code SSLPassPhraseDialog exec:}; it prints the passphrase of
     * {@code <tls-root>/<servername>/privkey.pem} (see the README for the script).
     */
    @WithDefault("/usr/local/lib/certdesk/tls-passphrase")
    String apachePassphraseHelper();

    /** An inclusive port range. */
    interface AlternatePorts {

        /** First port of the range. */
        @WithDefault("444")
        int first();

        /** Last port of the range (inclusive). */
        @WithDefault("449")
        int last();
    }
}
