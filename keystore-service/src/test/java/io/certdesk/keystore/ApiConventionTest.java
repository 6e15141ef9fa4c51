package io.certdesk.keystore;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The API convention in custody: one key per Idempotency-Key, JSON read exactly, /me. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiConventionTest {

    @Inject
    Pool db;

    private long keysLabelled(String label) {
        return db.preparedQuery("select count(*) as n from managed_key where label = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(label)).await().indefinitely().iterator().next().getLong("n");
    }

    @Test
    void aRetriedOrConcurrentGenerateWithOneKeyMakesOneKey() throws Exception {
        String label = "idem-" + UUID.randomUUID() + ".example.jp";
        Map<String, Object> body = Map.of("customerId", "C-1", "label", label, "algorithm", "EC_P256", "orderId", "7");
        String key = UUID.randomUUID().toString();
        String token = TestTokens.token(Roles.SERVICE);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> ids = new ArrayList<>();
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                        .header("Idempotency-Key", key).body(body).post("/keys").then().statusCode(201)
                        .extract().path("id"));
            }
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        assertEquals(1, keysLabelled(label));
        as(Roles.SERVICE).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/keys").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(ids.get(0)))
                .body("orderId", equalTo("7"));
        as(Roles.SERVICE).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("customerId", "C-1", "label", label, "algorithm", "RSA_2048")).post("/keys").then()
                .statusCode(422).body("type", equalTo("https://certdesk.io/problems/idempotency-key-reused"));
        assertEquals(1, keysLabelled(label));
    }

    @Test
    void aBodyThatSaysTwoThingsOrTheWrongKindOfThingStoresNoKey() {
        String label = "strict-" + UUID.randomUUID() + ".example.jp";
        // the owner given twice: refused, not the last one wins
        as(Roles.STAFF).contentType(ContentType.JSON).body("{\"customerId\":\"C-3\",\"customerId\":\"C-1\",\"label\":\""
                + label + "\",\"algorithm\":\"EC_P256\"}").post("/keys").then().statusCode(400);
        // an algorithm by number, an owner by number
        as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("customerId", "C-1", "label", label, "algorithm", 1))
                .post("/keys").then().statusCode(400).body("violations.field", hasItem("algorithm"));
        as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("customerId", 1, "label", label, "algorithm", "EC_P256"))
                .post("/keys").then().statusCode(400).body("violations.field", hasItem("customerId"));
        assertEquals(0, keysLabelled(label));
    }

    @Test
    void meSaysWhoTheTokenIsHere() {
        as(Roles.DEPLOYER).get("/me").then().statusCode(200).body("service", equalTo("keystore-service"))
                .body("serverId", equalTo("1")).body("customerId", nullValue());
        as(Roles.SERVICE).get("/me").then().statusCode(200).body("roles", equalTo(List.of("service")));
    }
}
