package io.certdesk.binding.config;

import java.util.Arrays;
import java.util.Optional;

/** What {@code /servers/{id}/config} renders. */
public enum ConfigFormat {
    /** nginx http-context server blocks. */
    NGINX("nginx"),
    /** Apache httpd 2.4 Listen lines and virtual hosts. */
    APACHE("apache"),
    /** The shell script Apache's {@code SSLPassPhraseDialog exec:} runs to read a key's passphrase. */
    APACHE_PASSPHRASE_HELPER("apache-passphrase-helper");

    private final String param;

    ConfigFormat(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static Optional<ConfigFormat> of(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst();
    }
}
