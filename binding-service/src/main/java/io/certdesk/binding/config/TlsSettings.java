package io.certdesk.binding.config;

/** The TLS policy both renderers apply: Mozilla's "intermediate" profile (TLS 1.2 and 1.3, AEAD ciphers, forward secrecy). */
final class TlsSettings {

    static final String TLS12_CIPHERS = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
            + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
            + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

    /** Two years; sent only on port 443, because HSTS would move visitors of an alternate-port domain to 443. */
    static final String HSTS = "max-age=63072000";

    static final String ACME_PATH = "/.well-known/acme-challenge/";

    private TlsSettings() {
    }

    /** An address as a listen directive needs it: IPv6 in brackets. */
    static String hostPort(String ip, int port) {
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** {@code https://domain[:port]} without the trailing slash, for redirect targets. */
    static String origin(String httpsUrl) {
        return httpsUrl.endsWith("/") ? httpsUrl.substring(0, httpsUrl.length() - 1) : httpsUrl;
    }
}
