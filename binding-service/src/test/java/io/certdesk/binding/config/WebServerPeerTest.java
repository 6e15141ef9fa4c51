package io.certdesk.binding.config;

import static io.certdesk.binding.platform.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rendered configurations against the real Debian web servers: nginx -t and apache2 -t load them with
 * openssl-made certificates whose keys are encrypted, and a real nginx, then a real Apache, started on
 * loopback without any passphrase input, hand every domain its own certificate to openssl s_client
 * exactly as /resolve predicts, redirect plain HTTP and pass ACME challenges to the responder.
 */
@QuarkusTest
@TestProfile(PeerProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class WebServerPeerTest {

    private static final int HTTPS = PeerProfile.HTTPS_PORT;

    /** A server with every kind of binding, including an IPv6 dedicated address, for the -t checks. */
    private static int syntaxServer;

    private static synchronized int syntaxServer() throws Exception {
        if (syntaxServer == 0) {
            int id = Fixtures.server("C-1", "127.0.1.2", "www.syntax.test", 2);
            int v4 = Fixtures.pool("127.0.1.8/30");
            int v6 = Fixtures.pool("::1/128");
            Fixtures.bind(id, Fixtures.binding("shop.syntax.test", "SNI"));
            Fixtures.bind(id, Fixtures.binding("alt.syntax.test", "ALTERNATE_PORT"));
            Map<String, Object> d4 = Fixtures.binding("v4.syntax.test", "DEDICATED_IP");
            d4.put("poolId", String.valueOf(v4));
            Fixtures.bind(id, d4);
            Map<String, Object> d6 = Fixtures.binding("v6.syntax.test", "DEDICATED_IP");
            d6.put("poolId", String.valueOf(v6));
            Fixtures.bind(id, d6);
            for (Map<String, Object> b : Fixtures.bindings(id)) {
                Peers.certificate(PeerProfile.TLS_ROOT, b.get("domain").toString());
            }
            Fixtures.certify(id);
            syntaxServer = id;
        }
        return syntaxServer;
    }

    private static String render(int serverId, String format) {
        return as(Roles.STAFF).queryParam("format", format).get("/servers/{id}/config", serverId)
                .then().statusCode(200).contentType(containsString("text/plain")).extract().asString();
    }

    @Test
    void nginxAcceptsTheRenderedConfig() throws Exception {
        Peers.tool("nginx", "nginx");
        String conf = render(syntaxServer(), "nginx");
        assertTrue(conf.contains("listen [::1]:" + HTTPS + " ssl http2 default_server;"), conf);
        assertTrue(conf.contains("ssl_password_file \"" + PeerProfile.TLS_ROOT + "/alt.syntax.test/passphrase\";"), conf);
        assertTrue(conf.contains("return 301 https://alt.syntax.test:" + PeerProfile.ALT_FIRST + "$request_uri;"), conf);
        assertTrue(conf.contains("proxy_pass http://127.0.0.1:" + PeerProfile.RESPONDER_PORT + ";"), conf);
        Path dir = Files.createTempDirectory(PeerProfile.ROOT, "nginx-t-");
        Path rendered = Files.writeString(dir.resolve("certdesk.conf"), conf);
        Peers.Result r = Peers.run(Peers.nginx(dir, Peers.nginxWrapper(dir, rendered), "-t"), dir);
        assertEquals(0, r.exit(), "nginx -t rejected the rendered config:\n" + r.output() + "\n" + conf);
        assertTrue(r.output().contains("test is successful"), r.output());
    }

    @Test
    void apacheAcceptsTheRenderedConfig() throws Exception {
        String apache2 = Peers.tool("apache2", "apache2");
        Peers.tool("apache2ctl", "apache2");
        for (String module : List.of("ssl", "proxy", "proxy_http", "alias", "headers", "mpm_event")) {
            if (!Files.exists(Path.of("/usr/lib/apache2/modules/mod_" + module + ".so"))) {
                fail("mod_" + module + " is missing; install the Debian package 'apache2'");
            }
        }
        String conf = render(syntaxServer(), "apache");
        assertTrue(conf.contains("SSLPassPhraseDialog \"exec:" + PeerProfile.ROOT + "/tls-passphrase\""), conf);
        assertTrue(conf.contains("Listen [::1]:" + HTTPS + " https"), conf);
        assertTrue(conf.contains("Listen 127.0.1.2:" + PeerProfile.ALT_FIRST + " https"), conf);
        installPassphraseHelper();
        Path dir = Files.createTempDirectory(PeerProfile.ROOT, "apache-t-");
        Path rendered = Files.writeString(dir.resolve("certdesk.conf"), conf);
        Peers.Result r = Peers.run(List.of(apache2, "-t", "-d", dir.toString(), "-f",
                Peers.apacheWrapper(dir, rendered).toString()), dir);
        assertEquals(0, r.exit(), "apache2 -t rejected the rendered config:\n" + r.output() + "\n" + conf);
        assertTrue(r.output().contains("Syntax OK"), r.output());
        // the ssl module must really be in play: without it SSLEngine would be a syntax error
        Path noSsl = Files.writeString(dir.resolve("nossl.conf"), Files.readString(dir.resolve("apache2.conf"))
                .replaceAll("LoadModule ssl_module[^\n]*\n", ""));
        assertTrue(Peers.run(List.of(apache2, "-t", "-d", dir.toString(), "-f", noSsl.toString()), dir).exit() != 0,
                "apache2 -t should fail without mod_ssl");
    }

    /**
     * A domain bound before its certificate exists (no files under the TLS root yet) must not stop the web
     * server from loading the configuration of every other domain, and /resolve must agree that the
     * waiting domain is not served over HTTPS yet.
     */
    @Test
    void aBindingWaitingForItsCertificateLeavesTheServerLoadable() throws Exception {
        Peers.tool("nginx", "nginx");
        String apache2 = Peers.tool("apache2", "apache2");
        int id = Fixtures.server("C-1", "127.0.1.20", "www.waiting.test", 0);
        Fixtures.bind(id, Fixtures.binding("ready.waiting.test", "SNI"));
        Fixtures.certify(id);
        Fixtures.bind(id, Fixtures.binding("pending.waiting.test", "SNI"));
        Fixtures.bind(id, Fixtures.binding("pending-alt.waiting.test", "ALTERNATE_PORT"));
        for (String domain : List.of("www.waiting.test", "ready.waiting.test")) {
            Peers.certificate(PeerProfile.TLS_ROOT, domain);
        }

        String nginx = render(id, "nginx");
        Path dir = Files.createTempDirectory(PeerProfile.ROOT, "nginx-wait-");
        Path rendered = Files.writeString(dir.resolve("certdesk.conf"), nginx);
        Peers.Result r = Peers.run(Peers.nginx(dir, Peers.nginxWrapper(dir, rendered), "-t"), dir);
        assertEquals(0, r.exit(), "nginx -t rejected the rendered config:\n" + r.output() + "\n" + nginx);
        assertTrue(nginx.contains("# pending.waiting.test waits for its certificate"), nginx);
        assertFalse(nginx.contains("ssl_certificate \"" + PeerProfile.TLS_ROOT + "/pending.waiting.test/"), nginx);
        assertFalse(nginx.contains("return 301 https://pending.waiting.test"), "no redirect to a missing HTTPS block");
        assertFalse(nginx.contains(":" + PeerProfile.ALT_FIRST + " ssl"), nginx);

        String apache = render(id, "apache");
        Path adir = Files.createTempDirectory(PeerProfile.ROOT, "apache-wait-");
        Path arendered = Files.writeString(adir.resolve("certdesk.conf"), apache);
        Peers.Result a = Peers.run(List.of(apache2, "-t", "-d", adir.toString(), "-f",
                Peers.apacheWrapper(adir, arendered).toString()), adir);
        assertEquals(0, a.exit(), "apache2 -t rejected the rendered config:\n" + a.output() + "\n" + apache);
        assertTrue(apache.contains("# pending.waiting.test waits for its certificate"), apache);
        assertFalse(apache.contains("SSLCertificateFile \"" + PeerProfile.TLS_ROOT + "/pending.waiting.test/"), apache);
        assertFalse(apache.contains("Listen 127.0.1.20:" + PeerProfile.ALT_FIRST), apache);

        // a client asking for the waiting name gets the endpoint's default, as the rendered blocks would answer
        as(Roles.STAFF).queryParam("ip", "127.0.1.20").queryParam("port", HTTPS)
                .queryParam("serverName", "pending.waiting.test").get("/resolve").then().statusCode(200)
                .body("domain", equalTo("www.waiting.test")).body("matchedBy", equalTo("DEFAULT"));
        as(Roles.STAFF).queryParam("ip", "127.0.1.20").queryParam("port", PeerProfile.ALT_FIRST).get("/resolve")
                .then().statusCode(404).body("detail", containsString("pending-alt.waiting.test"));
    }

    /** Installs the helper as the configured exec: program and checks it reads the right passphrase file. */
    private static void installPassphraseHelper() throws Exception {
        Path helper = PeerProfile.ROOT.resolve("tls-passphrase");
        Files.writeString(helper, render(syntaxServer(), "apache-passphrase-helper"));
        Files.setPosixFilePermissions(helper, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Peers.Result ok = Peers.run(List.of(helper.toString(), "alt.syntax.test:" + PeerProfile.ALT_FIRST, "EC"),
                PeerProfile.ROOT);
        assertEquals(0, ok.exit(), ok.output());
        assertEquals(Files.readString(PeerProfile.TLS_ROOT.resolve("alt.syntax.test/passphrase")), ok.output());
        Peers.Result refused = Peers.run(List.of(helper.toString(), "../../etc:443", "RSA"), PeerProfile.ROOT);
        assertTrue(refused.exit() != 0 && refused.output().contains("refusing"), refused.output());
    }

    /** The loopback server: an SNI pair on 127.0.0.2, a dedicated 127.0.0.3 and an alternate port. */
    private static int loopbackServer;

    private static synchronized int loopbackServer() throws Exception {
        if (loopbackServer == 0) {
            Peers.tool("openssl", "openssl");
            int server = Fixtures.server("C-1", "127.0.0.2", "www.master.test", 1);
            int pool = Fixtures.pool("127.0.0.3/32");
            Fixtures.bind(server, Fixtures.binding("shop.sni.test", "SNI"));
            Map<String, Object> ded = Fixtures.binding("dedicated.test", "DEDICATED_IP");
            ded.put("poolId", String.valueOf(pool));
            assertEquals("127.0.0.3", Fixtures.bind(server, ded).get("ip"));
            Map<String, Object> alt = Fixtures.bind(server, Fixtures.binding("alt.test", "ALTERNATE_PORT"));
            assertEquals(PeerProfile.ALT_FIRST, alt.get("port"));
            for (String domain : List.of("www.master.test", "shop.sni.test", "dedicated.test", "alt.test")) {
                Peers.certificate(PeerProfile.TLS_ROOT, domain);
            }
            Fixtures.certify(server);
            loopbackServer = server;
        }
        return loopbackServer;
    }

    private static final List<InetSocketAddress> LOOPBACK_SOCKETS = List.of(new InetSocketAddress("127.0.0.2", HTTPS),
            new InetSocketAddress("127.0.0.3", HTTPS), new InetSocketAddress("127.0.0.2", PeerProfile.ALT_FIRST),
            new InetSocketAddress("127.0.0.2", PeerProfile.HTTP_PORT), new InetSocketAddress("127.0.0.3", PeerProfile.HTTP_PORT));

    @Test
    void nginxServesEachDomainItsOwnCertificateAsResolvePredicts() throws Exception {
        int server = loopbackServer();
        Path dir = Files.createTempDirectory(PeerProfile.ROOT, "nginx-e2e-");
        Path rendered = Files.writeString(dir.resolve("certdesk.conf"), render(server, "nginx"));
        Path wrapper = Peers.nginxWrapper(dir, rendered);
        Path log = dir.resolve("logs/error.log");
        serveAndProbe(new ProcessBuilder(Peers.nginx(dir, wrapper, "-g", "daemon off;")), dir, log,
                () -> theProbeSeesWhatNginxServes(server));
    }

    /**
     * The served-certificate probe against the running nginx: the linked certificate's fingerprint is what the
     * server presents (SERVED), another one is not (MISMATCH, with what is served), and the search finds both.
     */
    private static void theProbeSeesWhatNginxServes(int server) throws Exception {
        Map<String, String> ids = new java.util.HashMap<>();
        Fixtures.bindings(server).forEach(b -> ids.put((String) b.get("domain"), (String) b.get("id")));
        String master = Peers.fingerprint(PeerProfile.TLS_ROOT.resolve("www.master.test/fullchain.pem"));
        String shop = Peers.fingerprint(PeerProfile.TLS_ROOT.resolve("shop.sni.test/fullchain.pem"));
        link(server, ids.get("www.master.test"), "www.master.test", master);
        probe(server, ids.get("www.master.test")).body("probe.status", equalTo("SERVED"))
                .body("probe.servedFingerprint", equalTo(master)).body("probe.detail", org.hamcrest.Matchers.nullValue());
        // the wrong certificate linked: the probe sees what is really there
        link(server, ids.get("shop.sni.test"), "shop.sni.test", master);
        probe(server, ids.get("shop.sni.test")).body("probe.status", equalTo("MISMATCH"))
                .body("probe.servedFingerprint", equalTo(shop))
                .body("probe.detail", containsString("another certificate"));
        as(Roles.STAFF).queryParam("serverId", server).queryParam("probeStatus", "MISMATCH").get("/bindings").then()
                .body("items.domain", org.hamcrest.Matchers.contains("shop.sni.test"));
        link(server, ids.get("shop.sni.test"), "shop.sni.test", shop);
        probe(server, ids.get("shop.sni.test")).body("probe.status", equalTo("SERVED"));
        // the alternate port is probed on its own port, with its domain as SNI
        String alt = Peers.fingerprint(PeerProfile.TLS_ROOT.resolve("alt.test/fullchain.pem"));
        link(server, ids.get("alt.test"), "alt.test", alt);
        probe(server, ids.get("alt.test")).body("probe.status", equalTo("SERVED"));
        as(Roles.STAFF).queryParam("serverId", server).queryParam("probeStatus", "SERVED").get("/bindings").then()
                .body("items.domain", org.hamcrest.Matchers.hasItems("www.master.test", "shop.sni.test", "alt.test"));
    }

    private static void link(int server, String binding, String domain, String fingerprint) {
        as(Roles.STAFF).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("certificateId", Fixtures.certificateOf(domain), "certificateFingerprint", fingerprint))
                .put("/servers/{s}/bindings/{b}/certificate", server, binding).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse probe(int server, String binding) {
        return as(Roles.SERVICE).post("/servers/{s}/bindings/{b}/probe", server, binding).then().statusCode(200);
    }

    @Test
    void apacheServesEachDomainItsOwnCertificateWithoutAPassphrasePrompt() throws Exception {
        int server = loopbackServer();
        installPassphraseHelper();
        String apache2 = Peers.tool("apache2", "apache2");
        Path dir = Files.createTempDirectory(PeerProfile.ROOT, "apache-e2e-");
        Path rendered = Files.writeString(dir.resolve("certdesk.conf"), render(server, "apache"));
        Path wrapper = Peers.apacheWrapper(dir, rendered);
        // stdin is closed: had the keys needed a typed passphrase, Apache could not have started
        serveAndProbe(new ProcessBuilder(apache2, "-d", dir.toString(), "-f", wrapper.toString(), "-DFOREGROUND"),
                dir, dir.resolve("apache-error.log"), () -> { });
    }

    /** What else a test checks while the web server runs. */
    private interface WhileServing {
        void check() throws Exception;
    }

    /** Starts the web server, checks every connection against /resolve and plain HTTP, and always stops it. */
    private static void serveAndProbe(ProcessBuilder command, Path dir, Path errorLog, WhileServing more)
            throws Exception {
        HttpServer responder = HttpServer.create(new InetSocketAddress("127.0.0.1", PeerProfile.RESPONDER_PORT), 0);
        responder.createContext("/.well-known/acme-challenge/", exchange -> {
            byte[] body = ("token-for-" + exchange.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        responder.start();
        Path stdout = dir.resolve("stdout.log");
        Process web = command.redirectErrorStream(true).redirectOutput(stdout.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            awaitListening(web, stdout, errorLog, LOOPBACK_SOCKETS);
            // ip, port, SNI name (null: none sent), and the domain whose certificate must come back
            String[][] cases = {
                {"127.0.0.2", "" + HTTPS, "www.master.test", "www.master.test"},
                {"127.0.0.2", "" + HTTPS, "shop.sni.test", "shop.sni.test"},
                {"127.0.0.2", "" + HTTPS, null, "www.master.test"},
                {"127.0.0.2", "" + HTTPS, "unknown.test", "www.master.test"},
                {"127.0.0.3", "" + HTTPS, "dedicated.test", "dedicated.test"},
                {"127.0.0.3", "" + HTTPS, null, "dedicated.test"},
                {"127.0.0.3", "" + HTTPS, "shop.sni.test", "dedicated.test"},
                {"127.0.0.2", "" + PeerProfile.ALT_FIRST, null, "alt.test"},
                {"127.0.0.2", "" + PeerProfile.ALT_FIRST, "alt.test", "alt.test"},
            };
            for (String[] c : cases) {
                var request = as(Roles.STAFF).queryParam("ip", c[0]).queryParam("port", c[1]);
                if (c[2] != null) {
                    request.queryParam("serverName", c[2]);
                }
                String predicted = request.get("/resolve").then().statusCode(200).extract().path("domain");
                String served = Peers.peerCn(c[0], Integer.parseInt(c[1]), c[2]);
                String what = c[0] + ":" + c[1] + " SNI " + c[2];
                assertEquals(c[3], predicted, "/resolve for " + what);
                assertEquals(predicted, served, "certificate served for " + what);
            }
            // plain HTTP: ACME challenges reach the responder, everything else moves to the domain's HTTPS URL
            String redirect = http("127.0.0.2", "alt.test", "/shop?item=1");
            assertTrue(redirect.startsWith("HTTP/1.1 301"), redirect);
            assertTrue(redirect.contains("Location: https://alt.test:" + PeerProfile.ALT_FIRST + "/shop?item=1"), redirect);
            String dedicatedRedirect = http("127.0.0.3", "dedicated.test", "/");
            assertTrue(dedicatedRedirect.contains("Location: https://dedicated.test:" + HTTPS + "/"), dedicatedRedirect);
            String challenge = http("127.0.0.2", "shop.sni.test", "/.well-known/acme-challenge/abc");
            assertTrue(challenge.startsWith("HTTP/1.1 200") && challenge.endsWith("token-for-shop.sni.test"), challenge);
            more.check();
        } finally {
            web.destroy();
            if (!web.waitFor(15, TimeUnit.SECONDS)) {
                web.destroyForcibly();
            }
            responder.stop(0);
        }
    }

    private static void awaitListening(Process web, Path stdout, Path errorLog, List<InetSocketAddress> sockets)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (InetSocketAddress address : sockets) {
            while (true) {
                if (!web.isAlive()) {
                    fail("the web server exited with " + web.exitValue() + ":\n" + Files.readString(stdout)
                            + (Files.exists(errorLog) ? Files.readString(errorLog) : ""));
                }
                try (Socket s = new Socket()) {
                    s.connect(address, 200);
                    break;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        fail("the web server is not listening on " + address + ":\n"
                                + (Files.exists(errorLog) ? Files.readString(errorLog) : ""));
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    /** A raw HTTP/1.1 request, so the Host header can name any domain. */
    private static String http(String ip, String host, String path) throws IOException {
        try (Socket s = new Socket(ip, PeerProfile.HTTP_PORT)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
