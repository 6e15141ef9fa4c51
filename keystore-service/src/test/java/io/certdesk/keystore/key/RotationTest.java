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

        as(Roles.STAFF).post("/sys/rotate").then().statusCode(403);
        int old = as(Roles.ADMIN).get("/sys/rotation").then().statusCode(200).extract().path("masterKeyVersion");
        as(Roles.ADMIN).post("/sys/rotate").then().statusCode(202)
                .body("masterKeyVersion", equalTo(old + 1));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int pending;
        do {
            Thread.sleep(300);
            pending = as(Roles.ADMIN).get("/sys/rotation").then().extract().path("keysOnOlderVersions");
        } while (pending > 0 && Instant.now().isBefore(deadline));
        assertEquals(0, pending, "the rewrap job did not finish");

        for (int i = 0; i < ids.size(); i++) {
            as(Roles.STAFF).post("/keys/{id}/passphrase", ids.get(i)).then().statusCode(200)
                    .body("passphrase", equalTo(passphrases.get(i)));
        }
        // only the data keys were rewrapped: the private key's own ciphertext is byte-for-byte the same
        assertEquals(ciphertextBefore, privateKeyCiphertext(ids.get(0)));
        Row versions = db.query("select count(*) filter (where master_key_version = " + (old + 1) + ") as current_count, "
                + "count(*) as all_count from managed_key").execute().await().indefinitely().iterator().next();
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

    private String privateKeyCiphertext(String id) {
        return db.preparedQuery("select encode(private_key_ct, 'hex') as ct from managed_key where id = $1::uuid")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getString("ct");
    }
}
