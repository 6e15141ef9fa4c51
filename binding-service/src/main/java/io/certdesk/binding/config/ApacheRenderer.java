package io.certdesk.binding.config;

import io.certdesk.binding.platform.BindingConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a server's bindings as an Apache httpd 2.4 configuration file: the Listen sockets it needs
 * (it replaces the Listen lines of Debian's {@code ports.conf}), one name-based virtual host per domain
 * and port, and {@code SSLPassPhraseDialog exec:} so that encrypted keys load without a prompt. Needs
 * mod_ssl, mod_proxy, mod_proxy_http and mod_alias; mod_headers adds HSTS when loaded.
 */
@ApplicationScoped
public class ApacheRenderer {

    private final BindingConfig config;
    private final TlsLayout layout;

    public ApacheRenderer(BindingConfig config, TlsLayout layout) {
        this.config = config;
        this.layout = layout;
    }

    public String render(ServerTls server) {
        StringBuilder out = new StringBuilder();
        out.append("# certdesk: TLS configuration of server ").append(server.hostname()).append(" (id ")
                .append(server.serverId()).append(") for Apache httpd 2.4.\n")
                .append("# Certificates: ").append(config.tlsRoot())
                .append("/<domain>/{fullchain.pem,privkey.pem,passphrase}.\n")
                .append("# The helper prints the passphrase of <servername>'s key, so a restart never waits for input.\n")
                .append("# A domain whose certificate is not linked yet gets no HTTPS virtual host, so its missing files\n")
                .append("# cannot stop Apache from loading the others.\n")
                .append("SSLPassPhraseDialog ").append(quote("exec:" + config.apachePassphraseHelper())).append("\n\n");
        for (String ip : server.ips()) {
            out.append("Listen ").append(TlsSettings.hostPort(ip, config.httpPort())).append("\n");
        }
        for (ServerTls.EndpointTls e : server.servedEndpoints()) {
            out.append("Listen ").append(TlsSettings.hostPort(e.ip(), e.port())).append(" https\n");
        }
        String responder = config.acmeResponderUrl().endsWith("/")
                ? config.acmeResponderUrl().substring(0, config.acmeResponderUrl().length() - 1) : config.acmeResponderUrl();
        for (String ip : server.ips()) {
            out.append("\n# HTTP on ").append(ip).append(": ACME challenges go to the responder, everything else to HTTPS.\n");
            for (ServerTls.DomainTls d : server.domainsOn(ip)) {
                out.append("<VirtualHost ").append(TlsSettings.hostPort(ip, config.httpPort())).append(">\n")
                        .append("    ServerName ").append(d.domain()).append("\n")
                        .append("    ProxyPreserveHost On\n")
                        .append("    ProxyPass ").append(TlsSettings.ACME_PATH).append(" ")
                        .append(responder).append(TlsSettings.ACME_PATH).append("\n")
                        .append("    ProxyPassReverse ").append(TlsSettings.ACME_PATH).append(" ")
                        .append(responder).append(TlsSettings.ACME_PATH).append("\n");
                if (d.served()) {
                    out.append("    RedirectMatch permanent \"^/(?!\\.well-known/acme-challenge/)(.*)$\" \"")
                            .append(d.httpsUrl()).append("$1\"\n");
                } else {
                    // no HTTPS virtual host to send visitors to yet: serve plain HTTP until the certificate is linked
                    out.append("    # waits for its certificate: plain HTTP, no redirect to HTTPS yet\n")
                            .append("    DocumentRoot ").append(documentRoot(d.domain())).append("\n");
                }
                out.append("</VirtualHost>\n");
            }
        }
        for (ServerTls.EndpointTls e : server.endpoints()) {
            out.append("\n# HTTPS on ").append(TlsSettings.hostPort(e.ip(), e.port())).append(e.domains().isEmpty()
                    ? ": nothing is served (or listened on) until a certificate is linked.\n" : e.shared()
                    ? ": shared, the certificate is chosen by SNI; the first virtual host is the default.\n"
                    : ": exclusive to one domain.\n");
            for (ServerTls.DomainTls d : e.waiting()) {
                out.append("# ").append(d.domain()).append(" waits for its certificate; its virtual host appears once one ")
                        .append("is linked (files under ").append(layout.of(d.domain()).directory()).append("/).\n");
            }
            for (ServerTls.DomainTls d : e.domains()) {
                TlsLayout.Files files = layout.of(d.domain());
                out.append("<VirtualHost ").append(TlsSettings.hostPort(e.ip(), e.port())).append(">\n")
                        .append("    ServerName ").append(d.domain()).append("\n")
                        .append("    DocumentRoot ").append(documentRoot(d.domain())).append("\n")
                        .append("    SSLEngine on\n")
                        .append("    SSLCertificateFile ").append(quote(files.fullchain())).append("\n")
                        .append("    SSLCertificateKeyFile ").append(quote(files.privkey())).append("\n")
                        .append("    SSLProtocol -all +TLSv1.2 +TLSv1.3\n")
                        .append("    SSLCipherSuite ").append(TlsSettings.TLS12_CIPHERS).append("\n")
                        .append("    SSLHonorCipherOrder off\n")
                        .append("    SSLSessionTickets off\n");
                if (e.port() == 443) {
                    out.append("    <IfModule mod_headers.c>\n")
                            .append("        Header always set Strict-Transport-Security \"").append(TlsSettings.HSTS)
                            .append("\"\n")
                            .append("    </IfModule>\n");
                }
                out.append("</VirtualHost>\n");
            }
        }
        return out.toString();
    }

    /**
     * The program behind {@code SSLPassPhraseDialog exec:}. Apache runs it as root at start with
     * {@code <servername>:<port>} and the key type and reads the passphrase from its output; the server
     * name is checked to be a plain host name so the script cannot be steered outside the TLS root.
     */
    public String passphraseHelper() {
        return "#!/bin/sh\n"
                + "# certdesk: prints the passphrase of <servername>'s private key for Apache's SSLPassPhraseDialog exec:.\n"
                + "# Apache calls it as: tls-passphrase <servername>:<port> <RSA|EC|...>\n"
                + "set -eu\n"
                + "root='" + TlsLayout.stripSlash(config.tlsRoot()).replace("'", "'\\''") + "'\n"
                + "domain=\"${1%:*}\"\n"
                + "case \"$domain\" in\n"
                + "  \"\" | .* | *..* | *[!a-z0-9.-]*) echo \"certdesk: refusing server name '$1'\" >&2; exit 1 ;;\n"
                + "esac\n"
                + "exec head -n 1 \"$root/$domain/" + TlsLayout.PASSPHRASE + "\"\n";
    }

    private String documentRoot(String domain) {
        return quote(TlsLayout.stripSlash(config.documentRoot()) + "/" + domain);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
