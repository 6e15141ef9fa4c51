package io.certdesk.keystore.key;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RotationTest {

    @Inject
    Pool db;

    @Test
    void rotationRewrapsEveryKeyWithoutChangingSecretsAndRetiresTheOldVersion() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        List<String> passphrases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = KeyResourceTest.generate("C-7", "EC_P256");
            ids.add(id);
            passphrases.add(as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().extract().path("passphrase"));
        }
        String ciphertextBefore = privateKeyCiphertext(ids.get(0));
        // one damaged row must not stop the others from moving, but it keeps its old version alive
        String damaged = KeyResourceTest.generate("C-7", "EC_P256");
        db.preparedQuery("update managed_key set passphrase_dek = set_byte(passphrase_dek, 30, get_byte(passphrase_dek, 30) # 1) "
                + "where id = $1::uuid").execute(Tuple.of(damaged)).await().indefinitely();

        as(Roles.STAFF).post("/sys/rotate").then().statusCode(403);
        int old = as(Roles.ADMIN).get("/sys/rotation").then().statusCode(200).extract().path("masterKeyVersion");
        as(Roles.ADMIN).post("/sys/rotate").then().statusCode(202)
                .body("masterKeyVersion", equalTo(old + 1));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int pending;
        do {
            Thread.sleep(300);
            pending = as(Roles.ADMIN).get("/sys/rotation").then().extract().path("keysOnOlderVersions");
        } while (pending > 1 && Instant.now().isBefore(deadline));
        assertEquals(1, pending, "the rewrap job did not move every sound key");
        Thread.sleep(2500);
        assertEquals(null, retiredAt(old), "a version still used by a (damaged) key must not be retired");
        db.preparedQuery("delete from managed_key where id = $1::uuid").execute(Tuple.of(damaged)).await().indefinitely();

        for (int i = 0; i < ids.size(); i++) {
            as(Roles.STAFF).post("/keys/{id}/passphrase", ids.get(i)).then().statusCode(200)
                    .body("passphrase", equalTo(passphrases.get(i)));
        }
        // only the data keys were rewrapped: the private key's own ciphertext is byte-for-byte the same
        assertEquals(ciphertextBefore, privateKeyCiphertext(ids.get(0)));
        Row versions = db.query("select count(*) filter (where master_key_version = " + (old + 1) + ") as current_count, "
                + "count(*) as all_count from managed_key where customer_id = 'C-7'").execute().await().indefinitely().iterator().next();
        assertEquals(versions.getLong("all_count"), versions.getLong("current_count"));

        Instant retiredBy = Instant.now().plus(Duration.ofSeconds(30));
        Row oldKey;
        do {
            Thread.sleep(300);
            oldKey = db.preparedQuery("select retired_at, wrapped_key from master_key where version = $1")
                    .execute(Tuple.of(old)).await().indefinitely().iterator().next();
        } while (oldKey.getValue("retired_at") == null && Instant.now().isBefore(retiredBy));
        assertTrue(oldKey.getValue("retired_at") != null, "old master key version was not retired");
        assertEquals(null, oldKey.getValue("wrapped_key"), "a retired master key keeps no key material");
    }

    @Test
    void concurrentRotationsGetDistinctVersionsAndEveryKeySurvivesAReopen() throws Exception {
        int before = as(Roles.ADMIN).get("/sys/rotation").then().extract().path("masterKeyVersion");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> as(Roles.ADMIN).post("/sys/rotate").then().statusCode(202)
                    .extract().<Integer>path("masterKeyVersion")));
        }
        java.util.Set<Integer> versions = new java.util.TreeSet<>();
        for (var a : answers) {
            versions.add(a.get());
        }
        pool.shutdown();
        assertEquals(java.util.Set.of(before + 1, before + 2, before + 3, before + 4), versions);
        String id = KeyResourceTest.generate("C-8", "EC_P256");
        String passphrase = as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().extract().path("passphrase");
        // re-open the vault from what the database holds: the key must still decrypt
        as(Roles.ADMIN).post("/sys/seal").then().statusCode(200);
        as(Roles.ADMIN).contentType(io.restassured.http.ContentType.JSON).body("{}").post("/sys/unseal").then().statusCode(200);
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).body("passphrase", equalTo(passphrase));
    }

    private Object retiredAt(int version) {
        return db.preparedQuery("select retired_at from master_key where version = $1").execute(Tuple.of(version))
                .await().indefinitely().iterator().next().getValue("retired_at");
    }

    private String privateKeyCiphertext(String id) {
        return db.preparedQuery("select encode(private_key_ct, 'hex') as ct from managed_key where id = $1::uuid")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getString("ct");
    }
}
