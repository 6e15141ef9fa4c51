package io.certdesk.binding.config;

import io.certdesk.binding.platform.BindingConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a server's bindings as nginx {@code http}-context configuration (a file for
 * {@code /etc/nginx/conf.d/} or {@code sites-enabled/}). All TLS settings sit inside the server blocks so
 * the file never clashes with settings of the distribution's {@code nginx.conf}.
 */
@ApplicationScoped
public class NginxRenderer {

    private final BindingConfig config;
    private final TlsLayout layout;

    public NginxRenderer(BindingConfig config, TlsLayout layout) {
        this.config = config;
        this.layout = layout;
    }

    public String render(ServerTls server) {
        StringBuilder out = new StringBuilder();
        out.append("# certdesk: TLS configuration of server ").append(server.hostname()).append(" (id ")
                .append(server.serverId()).append(") for nginx.\n")
                .append("# Include inside the http {} block. Certificates: ").append(config.tlsRoot())
                .append("/<domain>/{fullchain.pem,privkey.pem,passphrase}.\n")
                .append("# Keys load with ssl_password_file, so a restart never waits for a passphrase.\n")
                .append("# A domain whose certificate is not linked yet gets no HTTPS block, so its missing files\n")
                .append("# cannot stop nginx from loading the others.\n");
        for (String ip : server.ips()) {
            out.append("\n# HTTP on ").append(ip).append(": ACME challenges go to the responder, everything else to HTTPS.\n");
            for (ServerTls.DomainTls d : server.domainsOn(ip)) {
                out.append("server {\n")
                        .append("    listen ").append(TlsSettings.hostPort(ip, config.httpPort())).append(";\n")
                        .append("    server_name ").append(d.domain()).append(";\n")
                        .append("    location ^~ ").append(TlsSettings.ACME_PATH).append(" {\n")
                        .append("        proxy_pass ").append(responder()).append(";\n")
                        .append("        proxy_set_header Host $host;\n")
                        .append("    }\n");
                if (d.served()) {
                    out.append("    location / {\n")
                            .append("        return 301 ").append(TlsSettings.origin(d.httpsUrl())).append("$request_uri;\n")
                            .append("    }\n");
                } else {
                    // no HTTPS block to send visitors to yet: serve plain HTTP until the certificate is linked
                    out.append("    # waits for its certificate: plain HTTP, no redirect to HTTPS yet\n")
                            .append("    root ").append(documentRoot(d.domain())).append(";\n");
                }
                out.append("}\n");
            }
        }
        for (ServerTls.EndpointTls e : server.endpoints()) {
            out.append("\n# HTTPS on ").append(TlsSettings.hostPort(e.ip(), e.port())).append(e.domains().isEmpty()
                    ? ": nothing is served until a certificate is linked.\n" : e.shared()
                    ? ": shared, the certificate is chosen by SNI; the first block is the default.\n"
                    : ": exclusive to one domain.\n");
            for (ServerTls.DomainTls d : e.waiting()) {
                out.append("# ").append(d.domain()).append(" waits for its certificate; its HTTPS block appears once one is ")
                        .append("linked (files under ").append(layout.of(d.domain()).directory()).append("/).\n");
            }
            boolean first = true;
            for (ServerTls.DomainTls d : e.domains()) {
                TlsLayout.Files files = layout.of(d.domain());
                out.append("server {\n")
                        .append("    listen ").append(TlsSettings.hostPort(e.ip(), e.port())).append(" ssl http2")
                        .append(first ? " default_server" : "").append(";\n")
                        .append("    server_name ").append(d.domain()).append(";\n")
                        .append("    root ").append(documentRoot(d.domain())).append(";\n")
                        .append("    ssl_certificate ").append(quote(files.fullchain())).append(";\n")
                        .append("    ssl_certificate_key ").append(quote(files.privkey())).append(";\n")
                        .append("    ssl_password_file ").append(quote(files.passphrase())).append(";\n")
                        .append("    ssl_protocols TLSv1.2 TLSv1.3;\n")
                        .append("    ssl_ciphers ").append(TlsSettings.TLS12_CIPHERS).append(";\n")
                        .append("    ssl_prefer_server_ciphers off;\n")
                        .append("    ssl_session_cache shared:certdesk_tls:10m;\n")
                        .append("    ssl_session_timeout 1d;\n")
                        .append("    ssl_session_tickets off;\n");
                if (e.port() == 443) {
                    out.append("    add_header Strict-Transport-Security \"").append(TlsSettings.HSTS).append("\" always;\n");
                }
                out.append("}\n");
                first = false;
            }
        }
        return out.toString();
    }

    private String documentRoot(String domain) {
        return quote(TlsLayout.stripSlash(config.documentRoot()) + "/" + domain);
    }

    private String responder() {
        String url = config.acmeResponderUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String quote(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
