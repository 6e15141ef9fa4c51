package io.certdesk.keystore.vault;

import static io.certdesk.keystore.platform.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.key.KeyResourceTest;
import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The seal is cluster-wide: another replica is played here by writing the seal order as its POST /sys/seal or
 * POST /sys/unseal would (the manifest contract test runs two real instances on one database).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ClusterSealTest {

    @Inject
    Pool db;

    @Test
    void aSealOrderedElsewhereSealsThisReplicaAndOnlyAnUnsealLiftsIt() throws InterruptedException {
        String id = KeyResourceTest.generate("C-31", "EC_P256");
        String passphrase = as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200)
                .extract().path("passphrase");
        given().get("/q/health/ready").then().statusCode(200);

        // another replica seals the cluster
        db.query("update vault_seal set sealed = true, changed_at = now(), changed_by = 'admin-on-pod-b'")
                .execute().await().indefinitely();
        waitFor(() -> as(Roles.ADMIN).get("/sys/seal-status").then().extract().<Boolean>path("sealed"),
                "this replica to follow the seal");
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(503)
                .contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(503).body("checks.find { it.name == 'vault' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
        // seal wins: the key file is right here, but this replica does not re-open by itself while the order stands
        Thread.sleep(3000);
        as(Roles.ADMIN).get("/sys/seal-status").then().body("sealed", equalTo(true));

        // an unseal on this replica lifts the order for all
        as(Roles.ADMIN).contentType(ContentType.JSON).body("{}").post("/sys/unseal").then().statusCode(200)
                .body("sealed", equalTo(false));
        assertEquals(false, order().getBoolean("sealed"));
        assertEquals("test-admin@certdesk.test", order().getString("changed_by"));
        given().get("/q/health/ready").then().statusCode(200);
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).body("passphrase", equalTo(passphrase));

        // sealing here records the order; when another replica's unseal lifts it, this one re-opens from its key file
        as(Roles.ADMIN).post("/sys/seal").then().statusCode(200).body("sealed", equalTo(true));
        assertEquals(true, order().getBoolean("sealed"));
        assertEquals("test-admin@certdesk.test", order().getString("changed_by"));
        db.query("update vault_seal set sealed = false, changed_at = now(), changed_by = 'admin-on-pod-b'")
                .execute().await().indefinitely();
        waitFor(() -> !as(Roles.ADMIN).get("/sys/seal-status").then().extract().<Boolean>path("sealed"),
                "this replica to re-open after the unseal elsewhere");
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).body("passphrase", equalTo(passphrase));
    }

    private Row order() {
        return db.query("select sealed, changed_by from vault_seal").execute().await().indefinitely().iterator().next();
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "gave up waiting for " + what);
            Thread.sleep(200);
        }
    }
}
