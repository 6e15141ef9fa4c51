package io.certdesk.binding.binding;

/** How a domain reaches its own certificate on a server. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "BindingStrategy")
public enum Strategy {
    /** Shares IP:443 with other domains; the TLS server picks the certificate by the client's server name. */
    SNI,
    /** A pool address added to the server; the domain has that IP:443 alone. */
    DEDICATED_IP,
    /** The next free port of the configured range (444, 445, ...) on one of the server's addresses, alone. */
    ALTERNATE_PORT;

    /** Whether the (IP, port) is shared with other domains. */
    public boolean shared() {
        return this == SNI;
    }
}
