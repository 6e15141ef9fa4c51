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
 * 127.0.0.1), on loopback high ports, with real http-01 validation (PEBBLE_VA_ALWAYS_VALID unset).
 */
final class Pebble {

    static final int ACME_PORT = 38400;
    static final int MANAGEMENT_PORT = 38401;
    static final int DNS_PORT = 38453;
    static final int DNS_MANAGEMENT_PORT = 38455;
    static final Path DIR = Path.of("target/pebble").toAbsolutePath();
    static final String DIRECTORY_URL = "https://127.0.0.1:" + ACME_PORT + "/dir";

    private static Process pebble;
    private static Process challtestsrv;

    private Pebble() {
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
    static synchronized void start(int httpPort) throws Exception {
        if (pebble != null) {
            return;
        }
        Tools.requireTool("pebble", "pebble");
        Tools.requireTool("pebble-challtestsrv", "pebble");
        tlsCa();
        Files.writeString(DIR.resolve("pebble-config.json"), """
                {"pebble": {
                  "listenAddress": "127.0.0.1:%d",
                  "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s/cert.pem",
                  "privateKey": "%s/key.pem",
                  "httpPort": %d,
                  "tlsPort": 38402,
                  "ocspResponderURL": "",
                  "externalAccountBindingRequired": false}}
                """.formatted(ACME_PORT, MANAGEMENT_PORT, DIR, DIR, httpPort));
        challtestsrv = new ProcessBuilder("pebble-challtestsrv", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
                "-dns01", "127.0.0.1:" + DNS_PORT, "-management", "127.0.0.1:" + DNS_MANAGEMENT_PORT,
                "-http01", "", "-https01", "", "-tlsalpn01", "")
                .redirectErrorStream(true).redirectOutput(DIR.resolve("challtestsrv.log").toFile()).start();
        ProcessBuilder pb = new ProcessBuilder("pebble", "-config", DIR.resolve("pebble-config.json").toString(),
                "-dnsserver", "127.0.0.1:" + DNS_PORT, "-strict=false")
                .redirectErrorStream(true).redirectOutput(DIR.resolve("pebble.log").toFile());
        pb.environment().put("PEBBLE_VA_NOSLEEP", "1");
        pb.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        pb.environment().put("PEBBLE_AUTHZREUSE", "0");
        pb.environment().remove("PEBBLE_VA_ALWAYS_VALID");
        pebble = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(Pebble::stop));
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(DIRECTORY_URL).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!pebble.isAlive()) {
                fail("pebble exited: " + Files.readString(DIR.resolve("pebble.log")));
            }
            Thread.sleep(200);
        }
        fail("pebble did not answer within 20 s: " + Files.readString(DIR.resolve("pebble.log")));
    }

    static synchronized void stop() {
        if (pebble != null) {
            pebble.destroy();
            challtestsrv.destroy();
            pebble = null;
            challtestsrv = null;
        }
    }

    /** Makes pebble's DNS answer {@code host} with {@code address}. */
    static void resolve(String host, String address) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + DNS_MANAGEMENT_PORT + "/add-a"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"" + host + "\",\"addresses\":[\"" + address + "\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    /** The root that signed this run's certificates (pebble makes a new one at every start). */
    static String root() throws Exception {
        return get("https://127.0.0.1:" + MANAGEMENT_PORT + "/roots/0").body();
    }

    private static HttpResponse<String> get(String url) throws Exception {
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
