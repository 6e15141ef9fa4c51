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

/**
 * DV issuance through a real ACME server: Debian's pebble validating http-01 against this service, reached through
 * a directory front that can add ACME Renewal Information (pebble 2.4 has none).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AcmePebbleTest.AcmeProfile.class)
class AcmePebbleTest {

    /** ACME against the pebble started by this test. */
    public static class AcmeProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certdesk.issuance.acme.directory-url", AriFront.DIRECTORY,
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
        AriFront.FRONT.close();
        Pebble.OPEN.stop();
    }

    static void startCa() throws Exception {
        AriFront.FRONT.start();
        Pebble.OPEN.start(RestAssured.port);
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
        startCa();
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
        startCa();
        Pebble.OPEN.resolve("unreachable.certdesk.test", "127.0.0.9");
        String issuance = applyFor("unreachable.certdesk.test", List.of());
        Map<String, Object> view = awaitEnd(issuance);
        assertEquals("FAILED", view.get("status"), "issuance ended " + view);
        assertTrue(String.valueOf(view.get("problemType")).startsWith("urn:ietf:params:acme:error:"), view.toString());
        as(Roles.STAFF).queryParam("domain", "unreachable.certdesk.test").get("/certificates").then().body("total", equalTo(0));
    }

    @Test
    void theCasRenewalInformationIsAskedForAndItsAbsenceSaidPlainly() throws Exception {
        startCa();
        Map<String, Object> view = awaitEnd(applyFor("ari.certdesk.test", List.of()));
        assertEquals("ISSUED", view.get("status"), "issuance ended " + view);
        String certificate = (String) view.get("certificateId");

        // Debian's pebble offers no renewal information: said plainly, so the caller renews at its usual share
        AriFront.FRONT.offer(null, null);
        as(Roles.STAFF).get("/certificates/{id}/renewal-info", certificate).then().statusCode(200)
                .body("certificateId", equalTo(certificate)).body("status", equalTo("NOT_OFFERED"))
                .body("suggestedWindowStartAt", org.hamcrest.Matchers.nullValue());

        // a CA that offers it: its window, its Retry-After, and the certificate named as RFC 9773 names it
        Instant start = Instant.parse("2030-01-10T00:00:00Z");
        Instant end = Instant.parse("2030-01-12T00:00:00Z");
        AriFront.FRONT.offer(start, end);
        Instant before = Instant.now();
        var advice = as(Roles.STAFF).get("/certificates/{id}/renewal-info", certificate).then().statusCode(200)
                .body("status", equalTo("OFFERED")).body("explanationUrl", equalTo("https://ca.certdesk.test/incident"))
                .extract();
        assertEquals(start, Instant.parse(advice.path("suggestedWindowStartAt")));
        assertEquals(end, Instant.parse(advice.path("suggestedWindowEndAt")));
        Instant again = Instant.parse(advice.path("checkAgainAt"));
        assertTrue(!again.isBefore(before.plusSeconds(21600 - 5)) && again.isBefore(Instant.now().plusSeconds(21600 + 5)),
                "Retry-After 21600 s, got " + again);
        String pem = as(Roles.STAFF).get("/certificates/{id}", certificate).then().extract().path("certificatePem");
        java.security.cert.X509Certificate leaf = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes()));
        String serial = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(leaf.getSerialNumber().toByteArray());
        assertTrue(AriFront.FRONT.asked().stream().anyMatch(id -> id.endsWith("." + serial)),
                "asked " + AriFront.FRONT.asked() + ", serial " + serial);

        // only staff and the services ask; an unknown certificate is 404
        as(Roles.CUSTOMER).get("/certificates/{id}/renewal-info", certificate).then().statusCode(403);
        as(Roles.STAFF).get("/certificates/{id}/renewal-info", java.util.UUID.randomUUID().toString()).then()
                .statusCode(404).contentType("application/problem+json");
        as(Roles.STAFF).get("/certificates/{id}/renewal-info", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void responderAnswersOnlyLiveTokensAndNeedsNoToken() {
        given().get("/.well-known/acme-challenge/{t}", "AAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/.well-known/acme-challenge/{t}", "bad").then().statusCode(404);
    }
}
