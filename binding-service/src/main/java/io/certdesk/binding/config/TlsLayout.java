package io.certdesk.binding.config;

import io.certdesk.binding.platform.BindingConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The fixed file layout the rendered configurations read and the keystore's deploy material must write:
 * {@code <tls-root>/<domain>/fullchain.pem} (leaf first, then intermediates), {@code privkey.pem}
 * (PEM, may be encrypted) and {@code passphrase} (the key's passphrase on one line). The passphrase file
 * must exist even for an unencrypted key (then empty): nginx refuses the whole file when an
 * {@code ssl_password_file} is missing, and an empty one is accepted for a plain key.
 */
@ApplicationScoped
public class TlsLayout {

    public static final String FULLCHAIN = "fullchain.pem";
    public static final String PRIVKEY = "privkey.pem";
    public static final String PASSPHRASE = "passphrase";

    private final BindingConfig config;

    public TlsLayout(BindingConfig config) {
        this.config = config;
    }

    /** The files of one domain; domains are canonical LDH names, so they never escape the root. */
    public Files of(String domain) {
        String dir = stripSlash(config.tlsRoot()) + "/" + domain;
        return new Files(dir, dir + "/" + FULLCHAIN, dir + "/" + PRIVKEY, dir + "/" + PASSPHRASE);
    }

    static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Paths of a domain's certificate chain, key and passphrase. */
    public record Files(String directory, String fullchain, String privkey, String passphrase) {
    }
}
