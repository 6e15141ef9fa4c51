package io.certdesk.keystore.vault;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;

import io.certdesk.keystore.crypto.SoftHsm;
import io.certdesk.keystore.key.KeyResourceTest;
import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole vault on a real SoftHSM2 token: auto-unseal, keys, rotation, seal and unseal. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(Pkcs11VaultTest.Pkcs11Profile.class)
class Pkcs11VaultTest {

    /** PKCS11 unsealing against a fresh token. */
    public static class Pkcs11Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certdesk.vault.unseal", "PKCS11",
                    "certdesk.vault.pkcs11.library", SoftHsm.LIBRARY,
                    "certdesk.vault.pkcs11.slot", Long.toString(SoftHsm.slot("vault")),
                    "certdesk.vault.pkcs11.pin", SoftHsm.PIN);
        }
    }

    @Test
    void keysLiveUnderTokenMasterKeysThroughRotationAndSeal() throws InterruptedException {
        as(Roles.ADMIN).get("/sys/seal-status").then().statusCode(200)
                .body("unsealMode", equalTo("PKCS11")).body("sealed", equalTo(false)).body("masterKeyVersion", equalTo(1));
        String id = KeyResourceTest.generate("C-1", "RSA_2048");
        String passphrase = as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).extract().path("passphrase");

        as(Roles.ADMIN).post("/sys/rotate").then().statusCode(202).body("masterKeyVersion", equalTo(2));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int pending;
        do {
            Thread.sleep(300);
            pending = as(Roles.ADMIN).get("/sys/rotation").then().extract().path("keysOnOlderVersions");
        } while (pending > 0 && Instant.now().isBefore(deadline));
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).body("passphrase", equalTo(passphrase));

        as(Roles.ADMIN).post("/sys/seal").then().statusCode(200).body("sealed", equalTo(true));
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(503);
        as(Roles.ADMIN).contentType(io.restassured.http.ContentType.JSON).body("{}").post("/sys/unseal")
                .then().statusCode(200).body("sealed", equalTo(false));
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).body("passphrase", equalTo(passphrase));
    }
}
