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

    @Test
    void dvAndOvOrdersReachInstalledOnARealNginx() throws Exception {
        WebServer.tool("openssl", "openssl");
        JsonPath customer = Fixtures.createCustomer(false);
        String customerId = customer.getString("id");
        String master = Fixtures.domain();
        String server = Fixtures.server(customerId, IP, master);
        String token = TestTokens.claims().subject("agent-of-" + server).groups(Roles.DEPLOYER)
                .claim("server_id", server).expiresIn(Duration.ofMinutes(30)).jws().keyId(TestTokens.KEY_ID).sign();
        Path dir = Files.createTempDirectory(Files.createDirectories(Peer.ROOT), "nginx-");
        try (WebServer nginx = WebServer.start(dir)) {
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

    /** An accepted quote of a fresh LOCAL product for {@code domain} on {@code server}, ordered. */
    private static long order(String customerId, String level, String domain, String server) {
        String product = Fixtures.createProduct(level, 38_500);
        String quote = Fixtures.quote(customerId, product, "NEW", domain, server).getString("id");
        staff().post("/quotes/{id}/accept", quote).then().statusCode(200);
        return staff().body(Map.of("quoteId", quote)).post("/orders").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }
}
