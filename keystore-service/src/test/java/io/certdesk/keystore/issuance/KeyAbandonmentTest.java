package io.certdesk.keystore.issuance;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.certdesk.keystore.key.KeyResourceTest;
import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A cancelled order's key: abandoned by order-service (or staff), kept and audited, never used, exported, revealed
 * or issued again; a key that already has a certificate is the customer's and is refused.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class KeyAbandonmentTest {

    private static String keyWithCsr(String domain) {
        String id = KeyResourceTest.generate("C-1", "EC_P256");
        as(Roles.STAFF).contentType(ContentType.JSON).body(KeyResourceTest.dvCsr(domain, List.of(domain)))
                .post("/keys/{id}/csr", id).then().statusCode(200);
        return id;
    }

    private static io.restassured.response.ValidatableResponse abandon(String role, String keyId, Object body) {
        return as(role).contentType(ContentType.JSON).body(body).post("/keys/{id}/abandon", keyId).then();
    }

    @Test
    void anAbandonedKeyIsKeptButNeverUsedAgain() {
        String key = keyWithCsr("www.abandon.example.jp");
        String issuance = as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("keyId", key, "issuer", "MANUAL", "serverId", "7", "masterDomain", "www.abandon.example.jp"))
                .post("/issuances").then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");

        String abandonedAt = abandon(Roles.SERVICE, key, Map.of("reason", "Order 12 was cancelled")).statusCode(200)
                .body("status", equalTo("ABANDONED")).body("abandonedAt", notNullValue())
                .extract().path("abandonedAt");
        // again: the same answer, nothing changes
        abandon(Roles.STAFF, key, Map.of("reason", "again")).statusCode(200)
                .body("abandonedAt", equalTo(abandonedAt));
        as(Roles.STAFF).get("/issuances/{id}", issuance).then().body("status", equalTo("FAILED"))
                .body("problemDetail", containsString("Order 12 was cancelled"));

        // never used, exported, revealed or issued again
        as(Roles.STAFF).contentType(ContentType.JSON).body(KeyResourceTest.dvCsr("www.abandon.example.jp", List.of()))
                .post("/keys/{id}/csr", key).then().statusCode(409).body("detail", containsString("abandoned"));
        as(Roles.STAFF).post("/keys/{id}/passphrase", key).then().statusCode(409);
        as(Roles.STAFF).post("/keys/{id}/exports", key).then().statusCode(409);
        as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("keyId", key, "issuer", "LOCAL", "serverId", "7", "masterDomain", "www.abandon.example.jp"))
                .post("/issuances").then().statusCode(409);

        // kept: still readable and listed as abandoned, and on the audit trail
        as(Roles.STAFF).get("/keys/{id}", key).then().statusCode(200).body("status", equalTo("ABANDONED"));
        as(Roles.STAFF).queryParam("status", "ABANDONED").queryParam("size", 200).get("/keys").then()
                .body("items.id", hasItem(key));
        as(Roles.STAFF).queryParam("status", "ACTIVE").queryParam("size", 200).get("/keys").then()
                .body("items.id", not(hasItem(key)));
        as(Roles.ADMIN).queryParam("target", key).queryParam("action", "key.abandon").get("/audit").then()
                .statusCode(200).body("items.outcome", hasItem("SUCCESS"))
                .body("items.detail", hasItem(containsString("Order 12 was cancelled")));
    }

    @Test
    void aKeyWithACertificateIsTheCustomersAndIsNotAbandoned() {
        String key = keyWithCsr("www.kept.example.jp");
        as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("keyId", key, "issuer", "LOCAL", "serverId", "7", "masterDomain", "www.kept.example.jp"))
                .post("/issuances").then().statusCode(201).body("status", equalTo("ISSUED"));
        abandon(Roles.SERVICE, key, Map.of("reason", "cancelled")).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("belongs to the customer"));
        as(Roles.STAFF).get("/keys/{id}", key).then().body("status", equalTo("ACTIVE"));
        as(Roles.STAFF).post("/keys/{id}/passphrase", key).then().statusCode(200);
    }

    @Test
    void badAbandonRequestsAreRefused() {
        String key = keyWithCsr("www.refused.example.jp");
        abandon(Roles.SERVICE, key, Map.of("reason", " ")).statusCode(400).body("violations.field", hasItem("reason"));
        abandon(Roles.SERVICE, key, Map.of()).statusCode(400);
        abandon(Roles.SERVICE, key, Map.of("reason", "x".repeat(501))).statusCode(400);
        abandon(Roles.CUSTOMER, key, Map.of("reason", "mine")).statusCode(403);
        abandon(Roles.DEPLOYER, key, Map.of("reason", "mine")).statusCode(403);
        abandon(Roles.SERVICE, UUID.randomUUID().toString(), Map.of("reason", "gone")).statusCode(404);
        abandon(Roles.SERVICE, "not-a-uuid", Map.of("reason", "gone")).statusCode(400);
        as(Roles.STAFF).get("/keys/{id}", key).then().body("status", equalTo("ACTIVE"));
    }
}
