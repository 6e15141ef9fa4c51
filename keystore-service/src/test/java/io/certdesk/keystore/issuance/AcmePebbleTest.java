package io.certdesk.keystore.issuance;

import static io.certdesk.keystore.platform.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.key.KeyResourceTest;
import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.Tools;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** DV issuance through a real ACME server: Debian's pebble validating http-01 against this service. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AcmePebbleTest.AcmeProfile.class)
class AcmePebbleTest {

    /** ACME against the pebble started by this test. */
    public static class AcmeProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certdesk.issuance.acme.directory-url", Pebble.OPEN.directoryUrl,
                    "certdesk.issuance.acme.server-trust", Pebble.tlsCa().toString(),
                    "certdesk.issuance.acme.poll-every", "1s",
                    "certdesk.issuance.acme.step-timeout", "30s",
                    "certdesk.issuance.acme.retry-backoff", "1s",
                    "certdesk.issuance.acme.max-attempts", "3");
        }
    }

    @Inject
    Pool db;

    @AfterAll
    static void stopPebble() {
        Pebble.OPEN.stop();
    }

    static String applyFor(String cn, List<String> sans) {
        String key = KeyResourceTest.generate("C-1", "RSA_2048");
        as(Roles.STAFF).contentType(ContentType.JSON).body(KeyResourceTest.dvCsr(cn, sans)).post("/keys/{id}/csr", key)
                .then().statusCode(200);
        return as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("keyId", key, "issuer", "ACME", "serverId", "9", "masterDomain", cn))
                .post("/issuances").then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
    }

    static Map<String, Object> awaitEnd(String issuance) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Map<String, Object> view;
        do {
            Thread.sleep(500);
            view = as(Roles.STAFF).get("/issuances/{id}", issuance).then().statusCode(200).extract().as(Map.class);
        } while (!List.of("ISSUED", "FAILED").contains(view.get("status")) && Instant.now().isBefore(deadline));
        return view;
    }

    @Test
    void dvCertificateIsIssuedThroughPebbleWithRealHttp01Validation() throws Exception {
        Pebble.OPEN.start(RestAssured.port);
        String issuance = applyFor("shop.certdesk.test", List.of("shop.certdesk.test", "www.shop.certdesk.test"));
        Map<String, Object> view = awaitEnd(issuance);
        assertEquals("ISSUED", view.get("status"), "issuance ended " + view);

        var cert = as(Roles.STAFF).get("/certificates/{id}", view.get("certificateId")).then().statusCode(200)
                .body("dnsNames", equalTo(List.of("shop.certdesk.test", "www.shop.certdesk.test")))
                .extract();
        Path dir = Files.createTempDirectory("acme");
        Files.writeString(dir.resolve("leaf.pem"), (String) cert.path("certificatePem"));
        Files.writeString(dir.resolve("chain.pem"), (String) cert.path("chainPem"));
        Files.writeString(dir.resolve("root.pem"), Pebble.OPEN.root());
        String verified = Tools.openssl(null, "verify", "-CAfile", dir.resolve("root.pem").toString(),
                "-untrusted", dir.resolve("chain.pem").toString(), dir.resolve("leaf.pem").toString());
        assertTrue(verified.contains(": OK"), verified);
        // the tokens were answered and then withdrawn
        long tokens = db.query("select count(*) as n from acme_challenge").execute().await().indefinitely()
                .iterator().next().getLong("n");
        assertEquals(0, tokens);
        // the account key is a vault key, internal: never listed, exported or revealed through the API
        long accountKeys = db.query("select count(*) as n from managed_key where internal and customer_id = '"
                + AcmeIssuer.ACCOUNT_OWNER + "'").execute().await().indefinitely().iterator().next().getLong("n");
        assertEquals(1, accountKeys);
        as(Roles.STAFF).queryParam("q", "ACME account").get("/keys").then().body("total", equalTo(0));
    }

    @Test
    void failedValidationEndsFailedWithTheCasProblem() throws Exception {
        Pebble.OPEN.start(RestAssured.port);
        Pebble.OPEN.resolve("unreachable.certdesk.test", "127.0.0.9");
        String issuance = applyFor("unreachable.certdesk.test", List.of());
        Map<String, Object> view = awaitEnd(issuance);
        assertEquals("FAILED", view.get("status"), "issuance ended " + view);
        assertTrue(String.valueOf(view.get("problemType")).startsWith("urn:ietf:params:acme:error:"), view.toString());
        as(Roles.STAFF).queryParam("domain", "unreachable.certdesk.test").get("/certificates").then().body("total", equalTo(0));
    }

    @Test
    void responderAnswersOnlyLiveTokensAndNeedsNoToken() {
        given().get("/.well-known/acme-challenge/{t}", "AAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/.well-known/acme-challenge/{t}", "bad").then().statusCode(404);
    }
}
