package io.certdesk.order.orchestration;

import static io.certdesk.order.Fixtures.command;
import static io.certdesk.order.Fixtures.staff;
import static io.certdesk.order.Fixtures.staffAt;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Await;
import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.Agent;
import io.certdesk.order.peers.Peer;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.peers.WebServer;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole system as an operator runs it: order-service driving the real keystore-service and binding-service
 * processes, the LOCAL CA signing, the deploy agent installing on a real nginx on 127.0.0.2, and binding-service's
 * probe confirming that nginx serves the certificate before the order is INSTALLED. The people only contract,
 * invoice, pay, and for OV check the documents and record the CA's call.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class EndToEndTest {

    private static final String IP = "127.0.0.2";

    /** A customer with a server on {@code ip} whose master domain is fresh, and its deploy agent's token. */
    private record Site(JsonPath customer, String customerId, String master, String server, String token) {
        static Site on(String ip) {
            WebServer.tool("openssl", "openssl");
            JsonPath customer = Fixtures.createCustomer(false);
            String customerId = customer.getString("id");
            String master = Fixtures.domain();
            String server = Fixtures.server(customerId, ip, master);
            String token = TestTokens.claims().subject("agent-of-" + server).groups(Roles.DEPLOYER)
                    .claim("server_id", server).expiresIn(Duration.ofMinutes(30)).jws().keyId(TestTokens.KEY_ID).sign();
            return new Site(customer, customerId, master, server, token);
        }
    }

    private static WebServer nginx() throws Exception {
        return WebServer.start(Files.createTempDirectory(Files.createDirectories(Peer.ROOT), "nginx-"));
    }

    @Test
    void dvAndOvOrdersReachInstalledOnARealNginx() throws Exception {
        Site site = Site.on(IP);
        JsonPath customer = site.customer();
        String customerId = site.customerId();
        String master = site.master();
        String server = site.server();
        String token = site.token();
        try (WebServer nginx = nginx()) {
            // DV for the server's master domain
            long dv = order(customerId, "DV", master, server);
            Fixtures.advance(new Fixtures.Created(dv, customerId, customer, server, master), "DV", "PAID");
            command(dv, "start-application");
            JsonPath waiting = Await.until("the DV order to wait for its deployment", () -> Fixtures.order(dv),
                    v -> "ISSUED".equals(v.getString("state")) && v.getString("placement.deploymentCheckedAt") != null);
            assertEquals("WAITING", waiting.getString("placement.deploymentStatus"));
            assertTrue(waiting.getString("placement.deploymentDetail").startsWith("UNREACHABLE"), waiting.prettify());

            Agent.Result installed = nginx.runAgent(server, token, Map.of());
            assertEquals(0, installed.exit(), installed.output());
            assertTrue(installed.output().contains("reloaded nginx"), installed.output());
            for (String file : Agent.FILES) {
                Path f = Peer.TLS_ROOT.resolve(master).resolve(file);
                assertTrue(Files.exists(f), f + " was not written");
                assertEquals(file.equals("fullchain.pem") ? "rw-r--r--" : "rw-------",
                        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
            assertTrue(Files.readString(Peer.TLS_ROOT.resolve(master).resolve("privkey.pem")).contains("ENCRYPTED"),
                    "the key on the server is encrypted; nginx reads its passphrase file");
            nginx.awaitListening(IP, Peer.HTTPS_PORT);

            JsonPath done = Fixtures.awaitState(dv, "INSTALLED");
            assertEquals("SERVED", done.getString("placement.deploymentStatus"));
            String fingerprint = done.getString("certificate.sha256Fingerprint");
            assertEquals(fingerprint, WebServer.servedFingerprint(IP, Peer.HTTPS_PORT, master));
            // the certificate started the paid term: the product's 12 months from the day it was issued (Asia/Tokyo)
            java.time.LocalDate issuedOn = java.time.LocalDate.now(io.certdesk.order.renewal.Terms.TOKYO);
            Fixtures.staff().queryParam("customerId", customerId).get("/renewals").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].orderId", equalTo(String.valueOf(dv)))
                    .body("items[0].certificateId", equalTo(done.getString("certificate.id")))
                    .body("items[0].startDate", equalTo(issuedOn.toString()))
                    .body("items[0].endDate", equalTo(io.certdesk.order.renewal.Terms.endOf(issuedOn, 12).toString()))
                    .body("items[0].status", equalTo("ACTIVE"));
            staffAt(Peer.BINDING).queryParam("ip", IP).queryParam("port", Peer.HTTPS_PORT).queryParam("serverName", master)
                    .get("/resolve").then().statusCode(200).body("domain", equalTo(master))
                    .body("certificateId", equalTo(done.getString("certificate.id")));
            staff().get("/orders/{id}/site-seal", dv).then().statusCode(200).body("status", equalTo("OPEN"));
            assertEquals("order-service", staff().get("/orders/{id}/timeline", dv).then().extract().jsonPath()
                    .getString("items.find { it.command == 'INSTALL' }.actor"));

            // one trace per step attempt, carried into the peers' requests (W3C traceparent)
            JsonPath steps = staff().get("/orders/{id}/steps", dv).then().extract().jsonPath();
            String placeTrace = steps.getString("items.find { it.kind == 'PLACE_DOMAIN' }.traceId");
            String csrTrace = steps.getString("items.find { it.kind == 'PREPARE_CSR' }.traceId");
            assertTrue(csrTrace.matches("[0-9a-f]{32}") && !csrTrace.equals(placeTrace), steps.prettify());
            assertTrue(Peer.KEYSTORE.log().lines().anyMatch(l -> l.contains("POST /keys ")
                    && l.contains("traceparent=00-" + csrTrace + "-")), "keystore-service saw the PREPARE_CSR trace");
            assertTrue(Peer.KEYSTORE.log().lines().anyMatch(l -> l.contains("/csr ")
                    && l.contains("traceparent=00-" + csrTrace + "-")), "the CSR call belongs to the same trace");
            assertTrue(Peer.BINDING.log().lines().anyMatch(l -> l.contains("/bindings ")
                    && l.contains("traceparent=00-" + placeTrace + "-")), "binding-service saw the PLACE_DOMAIN trace");

            // a second run finds nothing new and touches nothing
            Agent.Result again = nginx.runAgent(server, token, Map.of());
            assertEquals(0, again.exit(), again.output());
            assertTrue(again.output().contains("nothing changed"), again.output());

            // OV for another domain on the same address, told apart by SNI
            String shop = "shop." + master.substring(4);
            long ov = order(customerId, "OV", shop, server);
            Fixtures.Created created = new Fixtures.Created(ov, customerId, customer, server, shop);
            Fixtures.advance(created, "OV", "ISSUED");
            Await.until("the OV order to wait for its deployment", () -> Fixtures.order(ov),
                    v -> "CONFIRM_DEPLOYMENT".equals(v.getString("currentStep.kind")));
            Agent.Result second = nginx.runAgent(server, token, Map.of());
            assertEquals(0, second.exit(), second.output());
            JsonPath ovDone = Fixtures.awaitState(ov, "INSTALLED");
            assertEquals(ovDone.getString("certificate.sha256Fingerprint"),
                    WebServer.servedFingerprint(IP, Peer.HTTPS_PORT, shop));
            // a client without SNI still gets the master domain's certificate, as /resolve says
            assertEquals(fingerprint, WebServer.servedFingerprint(IP, Peer.HTTPS_PORT, null));
            List<String> transitions = staff().get("/orders/{id}/timeline", ov).then().extract().jsonPath()
                    .getList("items.findAll { it.kind == 'TRANSITION' }.toState");
            assertEquals(List.of("QUOTED", "CONTRACTED", "INVOICED", "PAID", "APPLYING", "CSR_READY", "SUBMITTED",
                    "DOCUMENTS_PENDING", "PHONE_VERIFICATION", "ISSUED", "INSTALLED"), transitions);

            // a set that fails validation is never switched to: the previous files come back
            Path passphrase = Peer.TLS_ROOT.resolve(shop).resolve("passphrase");
            String before = Files.readString(passphrase);
            Files.writeString(passphrase, "tampered\n");
            Agent.Result refused = nginx.runAgent(server, token, Map.of("CERTDESK_TEST_CMD", "false"));
            assertEquals(3, refused.exit(), refused.output());
            assertEquals("tampered\n", Files.readString(passphrase), "the previous set is back after the refusal");
            Agent.Result repaired = nginx.runAgent(server, token, Map.of());
            assertEquals(0, repaired.exit(), repaired.output());
            assertEquals(before, Files.readString(passphrase));

            // a token of another server gets nothing, and nothing is touched
            String stranger = TestTokens.claims().subject("agent-x").groups(Roles.DEPLOYER).claim("server_id", "999999")
                    .expiresIn(Duration.ofMinutes(5)).jws().keyId(TestTokens.KEY_ID).sign();
            Agent.Result denied = nginx.runAgent(server, stranger, Map.of());
            assertEquals(2, denied.exit(), denied.output());
            assertFalse(denied.output().contains("installed"), denied.output());
            assertEquals(fingerprint, WebServer.servedFingerprint(IP, Peer.HTTPS_PORT, master));
        }
    }

    /**
     * A paid term outlives its certificate: the LOCAL CA signs for 90 days, the product sells 12 months. When a
     * third of the lifetime is left the renewal run starts a free REISSUE order (no quote, no invoice) that gets a
     * new key and certificate through the same steps, the deploy agent installs it on the real nginx, the probe sees
     * it served, the term moves to it and the customer is told in Japanese.
     */
    @Test
    void aCertificateIsReplacedInsideThePaidTermWithANewKeyAndTheCustomerIsTold() throws Exception {
        String ip = "127.0.0.4";
        Site site = Site.on(ip);
        JsonPath customer = site.customer();
        String customerId = site.customerId();
        String master = site.master();
        String server = site.server();
        String token = site.token();
        try (WebServer nginx = nginx()) {
            long dv = order(customerId, "DV", master, server);
            Fixtures.advance(new Fixtures.Created(dv, customerId, customer, server, master), "DV", "PAID");
            command(dv, "start-application");
            Await.until("the DV order to wait for its deployment", () -> Fixtures.order(dv),
                    v -> "ISSUED".equals(v.getString("state")) && v.getString("placement.deploymentCheckedAt") != null);
            assertEquals(0, nginx.runAgent(server, token, Map.of()).exit());
            nginx.awaitListening(ip, Peer.HTTPS_PORT);
            JsonPath first = Fixtures.awaitState(dv, "INSTALLED");
            String oldCertificate = first.getString("certificate.id");
            java.time.Instant expires = java.time.Instant.parse(first.getString("certificate.expiresAt"));

            // 90 days (and the seconds the CA backdates notBefore by): replaced when a third is left
            JsonPath term = staff().queryParam("customerId", customerId).get("/renewals").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].issuer", equalTo("LOCAL"))
                    .body("items[0].reissueOrderId", org.hamcrest.Matchers.nullValue()).extract().jsonPath();
            java.time.Instant reissueAt = java.time.Instant.parse(term.getString("items[0].nextReissueAt"));
            assertTrue(!reissueAt.isAfter(expires.minus(Duration.ofDays(30)))
                    && reissueAt.isAfter(expires.minus(Duration.ofDays(30)).minusSeconds(120)), reissueAt + " for " + expires);
            java.time.LocalDate reissueDay = java.time.LocalDate.ofInstant(reissueAt, io.certdesk.order.renewal.Terms.TOKYO);

            // the day before: nothing; that day: one REISSUE order; again: none more
            assertEquals(0, renewalRun(reissueDay.minusDays(1), customerId).getInt("reissuesStarted"));
            assertEquals(1, renewalRun(reissueDay, customerId).getInt("reissuesStarted"));
            assertEquals(0, renewalRun(reissueDay, customerId).getInt("reissuesStarted"));
            long reissue = staff().queryParam("customerId", customerId).get("/renewals").then().extract().jsonPath()
                    .getLong("items[0].reissueOrderId");
            staff().get("/orders/{id}", reissue).then().statusCode(200).body("type", equalTo("REISSUE"))
                    .body("quoteId", org.hamcrest.Matchers.nullValue()).body("renewsCertificateId", equalTo(oldCertificate))
                    .body("domain", equalTo(master));

            Await.until("the reissue to wait for its deployment", () -> Fixtures.order(reissue),
                    v -> "CONFIRM_DEPLOYMENT".equals(v.getString("currentStep.kind")));
            // the web server still serves the old certificate until the agent installs the new one
            assertEquals(first.getString("certificate.sha256Fingerprint"),
                    WebServer.servedFingerprint(ip, Peer.HTTPS_PORT, master));
            Agent.Result installed = nginx.runAgent(server, token, Map.of());
            assertEquals(0, installed.exit(), installed.output());
            JsonPath done = Fixtures.awaitState(reissue, "INSTALLED");
            String newCertificate = done.getString("certificate.id");
            assertFalse(newCertificate.equals(oldCertificate));
            assertEquals(done.getString("certificate.sha256Fingerprint"), WebServer.servedFingerprint(ip, Peer.HTTPS_PORT, master));
            assertFalse(done.getString("keyId").equals(first.getString("keyId")), "a new key by default");
            // free: never quoted, never invoiced
            staff().get("/orders/{id}/invoice", reissue).then().statusCode(404);

            // the term now has the new certificate, nothing under way, and its next reissue later
            JsonPath after = staff().queryParam("customerId", customerId).get("/renewals").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].certificateId", equalTo(newCertificate))
                    .body("items[0].reissueOrderId", org.hamcrest.Matchers.nullValue())
                    .body("items[0].orderId", equalTo(String.valueOf(dv))).extract().jsonPath();
            assertTrue(java.time.Instant.parse(after.getString("items[0].nextReissueAt")).isAfter(reissueAt));

            // the customer is told, in Japanese, that nothing is to be paid or done
            Map<String, Object> mail = staff().get("/orders/{id}/notices", reissue).then().statusCode(200).extract()
                    .jsonPath().<Map<String, Object>>getList("items").stream()
                    .filter(m -> "CERTIFICATE_REISSUED".equals(m.get("kind"))).findFirst().orElseThrow();
            assertEquals(customer.getString("noticeEmail"), mail.get("recipient"));
            String body = String.valueOf(mail.get("body"));
            assertTrue(String.valueOf(mail.get("subject")).contains("再発行") && body.contains(master)
                    && body.contains("追加の費用はかからず") && body.contains("秘密鍵も新たに生成")
                    && body.contains(first.getString("certificate.serial"))
                    && body.contains(io.certdesk.order.notice.NoticeText.date(java.time.LocalDate.ofInstant(
                            java.time.Instant.parse(done.getString("certificate.expiresAt")), io.certdesk.order.renewal.Terms.TOKYO))),
                    body);
            // a new key: the new bundle and, apart, how to reveal its passphrase
            List<Object> kinds = staff().get("/orders/{id}/notices", reissue).then().extract().jsonPath()
                    .getList("items.kind");
            assertTrue(kinds.contains("KEY_BUNDLE_READY") && kinds.contains("PASSPHRASE_READY"), kinds.toString());
            // both timelines say what happened
            staff().get("/orders/{id}/timeline", dv).then().body("items.note",
                    org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("replaced by " + newCertificate)));
            // the customer sees its reissue; another customer does not
            Fixtures.customer(customerId).get("/orders/{id}", reissue).then().statusCode(200);
            String other = Fixtures.createCustomer(true).getString("id");
            Fixtures.customer(other).get("/orders/{id}", reissue).then().statusCode(404);
        }
    }

    private static JsonPath renewalRun(java.time.LocalDate day, String customerId) {
        return staff().body(Map.of("runDate", day.toString(), "customerId", customerId)).post("/renewals/runs").then()
                .statusCode(200).extract().jsonPath();
    }

    /** An accepted quote of a fresh LOCAL product for {@code domain} on {@code server}, ordered. */
    private static long order(String customerId, String level, String domain, String server) {
        String product = Fixtures.createProduct(level, 38_500);
        String quote = Fixtures.quote(customerId, product, "NEW", domain, server).getString("id");
        staff().post("/quotes/{id}/accept", quote).then().statusCode(200);
        return staff().body(Map.of("quoteId", quote)).post("/orders").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }
}
