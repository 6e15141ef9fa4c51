package io.certdesk.keystore.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.certdesk.keystore.platform.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's pebble ACME test server and pebble-challtestsrv (its DNS, resolving every name to
 * 127.0.0.1), on fixed loopback ports below the kernel's ephemeral range (32768-60999 on Linux), so an outgoing
 * connection of another test can never hold them as its source port, with real http-01 validation
 * (PEBBLE_VA_ALWAYS_VALID unset).
 */
final class Pebble {

    static final Path DIR = Path.of("target/pebble").toAbsolutePath();
    /** Plain pebble. */
    static final Pebble OPEN = new Pebble(24400, false);
    /** Pebble that requires external account binding, as commercial CAs do (key from Debian's example). */
    static final Pebble EAB = new Pebble(24410, true);
    static final String EAB_KEY_ID = "kid-1";
    static final String EAB_HMAC_KEY = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    final int acmePort;
    final int managementPort;
    final int dnsPort;
    final int dnsManagementPort;
    final boolean eab;
    final String directoryUrl;
    private Process pebble;
    private Process challtestsrv;

    private Pebble(int basePort, boolean eab) {
        this.acmePort = basePort;
        this.managementPort = basePort + 1;
        this.dnsPort = basePort + 3;
        this.dnsManagementPort = basePort + 5;
        this.eab = eab;
        this.directoryUrl = "https://127.0.0.1:" + acmePort + "/dir";
    }

    /** The TLS CA and server certificate pebble's HTTPS uses (Debian ships none). */
    static Path tlsCa() {
        try {
            Files.createDirectories(DIR);
            Path ca = DIR.resolve("ca.pem");
            if (!Files.exists(ca)) {
                String d = DIR.toString();
                Tools.openssl(null, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", d + "/ca.key", "-out", d + "/ca.pem", "-days", "30", "-subj", "/CN=certdesk test pebble TLS CA",
                        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
                Tools.openssl(null, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", d + "/key.pem", "-out", d + "/server.csr", "-subj", "/CN=localhost");
                Files.writeString(DIR.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                        + "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
                Tools.openssl(null, "x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.pem", "-CAkey", d + "/ca.key",
                        "-CAcreateserial", "-out", d + "/cert.pem", "-days", "30", "-extfile", d + "/server.ext");
            }
            return ca;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts both servers; pebble validates http-01 on {@code httpPort}, where the service under test listens. */
    synchronized void start(int httpPort) throws Exception {
        if (pebble != null) {
            return;
        }
        Tools.requireTool("pebble", "pebble");
        Tools.requireTool("pebble-challtestsrv", "pebble");
        tlsCa();
        Path config = DIR.resolve("pebble-config-" + acmePort + ".json");
        Files.writeString(config, """
                {"pebble": {
                  "listenAddress": "127.0.0.1:%d",
                  "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s/cert.pem",
                  "privateKey": "%s/key.pem",
                  "httpPort": %d,
                  "tlsPort": %d,
                  "ocspResponderURL": "",
                  "externalAccountBindingRequired": %s,
                  "externalAccountMACKeys": {"%s": "%s"}}}
                """.formatted(acmePort, managementPort, DIR, DIR, httpPort, acmePort + 2, eab, EAB_KEY_ID, EAB_HMAC_KEY));
        challtestsrv = new ProcessBuilder("pebble-challtestsrv", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
                "-dns01", "127.0.0.1:" + dnsPort, "-management", "127.0.0.1:" + dnsManagementPort,
                "-http01", "", "-https01", "", "-tlsalpn01", "")
                .redirectErrorStream(true).redirectOutput(DIR.resolve("challtestsrv-" + acmePort + ".log").toFile()).start();
        Path log = DIR.resolve("pebble-" + acmePort + ".log");
        ProcessBuilder pb = new ProcessBuilder("pebble", "-config", config.toString(),
                "-dnsserver", "127.0.0.1:" + dnsPort, "-strict=false")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PEBBLE_VA_NOSLEEP", "1");
        pb.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        pb.environment().put("PEBBLE_AUTHZREUSE", "0");
        pb.environment().remove("PEBBLE_VA_ALWAYS_VALID");
        pebble = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(directoryUrl).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!pebble.isAlive()) {
                fail("pebble exited: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        fail("pebble did not answer within 20 s: " + Files.readString(log));
    }

    synchronized void stop() {
        if (pebble != null) {
            pebble.destroy();
            challtestsrv.destroy();
            pebble = null;
            challtestsrv = null;
        }
    }

    /** Makes pebble's DNS answer {@code host} with {@code address}. */
    void resolve(String host, String address) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + dnsManagementPort + "/add-a"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"" + host + "\",\"addresses\":[\"" + address + "\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    /** The root that signed this run's certificates (pebble makes a new one at every start). */
    String root() throws Exception {
        return get("https://127.0.0.1:" + managementPort + "/roots/0").body();
    }

    static HttpResponse<String> get(String url) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(DIR.resolve("ca.pem"))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(2)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
