package io.certdesk.binding.binding;

import io.smallrye.mutiny.Uni;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.net.NetClient;
import io.vertx.mutiny.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Opens a TLS connection to a binding's IP:port with its domain as SNI, as a browser would, and reports the
 * SHA-256 fingerprint of the leaf certificate the server presents. It trusts any certificate: the point is not
 * whether a browser would accept it, but whether it is exactly the one that was linked.
 */
@ApplicationScoped
public class ServedCertificateProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What the server presented, or why nothing was. */
    public record Served(String fingerprint, String problem) {
    }

    private final NetClient client;

    public ServedCertificateProbe(Vertx vertx) {
        this.client = vertx.createNetClient(new NetClientOptions().setSsl(true).setTrustAll(true)
                .setHostnameVerificationAlgorithm("").setConnectTimeout((int) TIMEOUT.toMillis())
                .setSslHandshakeTimeout(TIMEOUT.toSeconds()));
    }

    public Uni<Served> probe(String ip, int port, String serverName) {
        return client.connect(SocketAddress.inetSocketAddress(port, ip), serverName)
                .ifNoItem().after(TIMEOUT.plusSeconds(1)).fail()
                .map(socket -> {
                    try {
                        Certificate[] chain = socket.sslSession().getPeerCertificates();
                        return chain.length == 0 ? new Served(null, "the server presented no certificate")
                                : new Served(sha256(chain[0]), null);
                    } catch (Exception e) {
                        return new Served(null, "the TLS session has no peer certificate: " + e.getMessage());
                    } finally {
                        socket.closeAndForget();
                    }
                })
                .onFailure().recoverWithItem(e -> new Served(null, "no TLS handshake with " + ip + ":" + port + " ("
                        + serverName + "): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }

    static String sha256(Certificate certificate) throws CertificateEncodingException {
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
