package io.certdesk.keystore.vault;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The production default: a vault that starts sealed and opens only with k of n Shamir shares. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ShamirVaultTest.ShamirProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShamirVaultTest {

    /** SHAMIR unsealing on its own fresh database. */
    public static class ShamirProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certdesk.vault.unseal", "SHAMIR", "certdesk.issuance.local.enabled", "false",
                    "certdesk.vault.unseal-timeout", "2s");
        }
    }

    static List<String> shares;

    private static Map<String, Object> key() {
        return Map.of("customerId", "C-1", "label", "www.aaa.co.jp", "algorithm", "EC_P256");
    }

    private static void unseal(String share, int expectedStatus) {
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("share", share)).post("/sys/unseal")
                .then().statusCode(expectedStatus);
    }

    @Test
    @Order(1)
    void startsUninitialisedAndSealedAndRefusesKeyWork() {
        as(Roles.ADMIN).get("/sys/seal-status").then().statusCode(200)
                .body("initialized", equalTo(false)).body("sealed", equalTo(true)).body("unsealMode", equalTo("SHAMIR"));
        as(Roles.STAFF).contentType(ContentType.JSON).body(key()).post("/keys")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/unavailable"));
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("share", "AQID")).post("/sys/unseal")
                .then().statusCode(409);
    }

    @Test
    @Order(2)
    void initHandsOutSharesOnceAndOnlyToAdmins() {
        as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("shares", 5, "threshold", 3)).post("/sys/init")
                .then().statusCode(403);
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("shares", 3, "threshold", 4)).post("/sys/init")
                .then().statusCode(400);
        // 1 of 3 would hand three people the whole root key
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("shares", 3, "threshold", 1)).post("/sys/init")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("threshold"));
        List<String> lost = as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("shares", 5, "threshold", 3))
                .post("/sys/init").then().statusCode(201).header("Cache-Control", "no-store")
                .body("keyShares", hasSize(5)).extract().path("keyShares");
        // the answer never reached the operators: while no share has unsealed the vault, init may run again
        shares = as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("shares", 5, "threshold", 3)).post("/sys/init")
                .then().statusCode(201).body("keyShares", hasSize(5)).extract().path("keyShares");
        assertTrue(java.util.Collections.disjoint(lost, shares));
        unseal(lost.get(0), 200);
        unseal(lost.get(1), 200);
        unseal(lost.get(2), 422);
        as(Roles.ADMIN).get("/sys/seal-status").then()
                .body("initialized", equalTo(true)).body("sealed", equalTo(true))
                .body("shares", equalTo(5)).body("threshold", equalTo(3));
    }

    @Test
    @Order(3)
    void fewerThanThresholdSharesDoNotUnseal() {
        unseal(shares.get(0), 200);
        unseal(shares.get(0), 400);
        unseal(shares.get(4), 200);
        as(Roles.ADMIN).get("/sys/seal-status").then().body("sealed", equalTo(true)).body("progress", equalTo(2));
        as(Roles.STAFF).contentType(ContentType.JSON).body(key()).post("/keys").then().statusCode(503);
        as(Roles.ADMIN).post("/sys/seal").then().statusCode(200).body("progress", equalTo(0));
        // a share given and left alone is forgotten after the unseal timeout (2 s here)
        unseal(shares.get(1), 200);
        as(Roles.ADMIN).get("/sys/seal-status").then().body("progress", equalTo(1));
        try {
            Thread.sleep(2_300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        as(Roles.ADMIN).get("/sys/seal-status").then().body("sealed", equalTo(true)).body("progress", equalTo(0));
    }

    @Test
    @Order(4)
    void aForgedShareIsRefusedAndResetsProgress() {
        byte[] forged = java.util.Base64.getDecoder().decode(shares.get(2));
        forged[5] ^= 1;
        unseal(shares.get(0), 200);
        unseal(shares.get(1), 200);
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("share", java.util.Base64.getEncoder().encodeToString(forged)))
                .post("/sys/unseal").then().statusCode(422).contentType("application/problem+json");
        as(Roles.ADMIN).get("/sys/seal-status").then().body("sealed", equalTo(true)).body("progress", equalTo(0));
        unseal("not a share!", 400);
    }

    @Test
    @Order(5)
    void anyThresholdSharesUnsealAndSealWipesAgain() {
        unseal(shares.get(3), 200);
        unseal(shares.get(1), 200);
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("share", shares.get(4))).post("/sys/unseal")
                .then().statusCode(200).body("sealed", equalTo(false)).body("masterKeyVersion", equalTo(1));
        String id = as(Roles.STAFF).contentType(ContentType.JSON).body(key()).post("/keys")
                .then().statusCode(201).extract().path("id");
        String passphrase = as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).extract().path("passphrase");

        as(Roles.STAFF).post("/sys/seal").then().statusCode(403);
        as(Roles.ADMIN).post("/sys/seal").then().statusCode(200).body("sealed", equalTo(true));
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(503);
        // metadata needs no key material and stays readable
        as(Roles.STAFF).get("/keys/{id}", id).then().statusCode(200);

        unseal(shares.get(0), 200);
        unseal(shares.get(2), 200);
        unseal(shares.get(4), 200);
        String again = as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).extract().path("passphrase");
        assertEquals(passphrase, again);
        // the shares have unsealed it: the init is final
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("shares", 5, "threshold", 3)).post("/sys/init")
                .then().statusCode(409).body("detail", containsString("cannot be initialised again"));
    }

    @Test
    @Order(6)
    void theDevelopmentCaIsOffUnlessEnabled() {
        String id = as(Roles.STAFF).contentType(ContentType.JSON).body(key()).post("/keys").then().statusCode(201).extract().path("id");
        as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("validationLevel", "DV", "commonName", "www.aaa.co.jp"))
                .post("/keys/{id}/csr", id).then().statusCode(200);
        as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("keyId", id, "issuer", "LOCAL", "serverId", "1", "masterDomain", "www.aaa.co.jp"))
                .post("/issuances").then().statusCode(409)
                .body("type", equalTo("https://certdesk.io/problems/issuer-unavailable"));
    }

    @Test
    @Order(7)
    void everyVaultOperationAndRefusalIsAudited() {
        as(Roles.ADMIN).queryParam("action", "vault.unseal").queryParam("size", 100).get("/audit").then()
                .body("items.outcome", hasItem("FAILED"))
                .body("items.outcome", hasItem("SUCCESS"))
                .body("items.detail", hasItem(org.hamcrest.Matchers.startsWith("share=hmac-sha256:")));
        as(Roles.ADMIN).queryParam("action", "http.access").queryParam("size", 100).get("/audit").then()
                .body("items.outcome", hasItem("DENIED"));
        as(Roles.ADMIN).get("/audit/verify").then().body("intact", equalTo(true));
    }
}
