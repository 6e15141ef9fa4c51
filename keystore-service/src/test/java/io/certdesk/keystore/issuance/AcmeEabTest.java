package io.certdesk.keystore.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A CA that demands external account binding (as commercial ACME CAs do): the account is bound with the configured key. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AcmeEabTest.EabProfile.class)
class AcmeEabTest {

    /** ACME with external account binding against the EAB pebble. */
    public static class EabProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certdesk.issuance.acme.directory-url", Pebble.EAB.directoryUrl,
                    "certdesk.issuance.acme.server-trust", Pebble.tlsCa().toString(),
                    "certdesk.issuance.acme.eab-key-id", Pebble.EAB_KEY_ID,
                    "certdesk.issuance.acme.eab-hmac-key", Pebble.EAB_HMAC_KEY,
                    "certdesk.issuance.acme.poll-every", "1s",
                    "certdesk.issuance.acme.step-timeout", "30s",
                    "certdesk.issuance.acme.retry-backoff", "1s",
                    "certdesk.issuance.acme.max-attempts", "3");
        }
    }

    @AfterAll
    static void stopPebble() {
        Pebble.EAB.stop();
    }

    @Test
    void accountIsBoundAndTheCertificateIssued() throws Exception {
        Pebble.EAB.start(RestAssured.port);
        String issuance = AcmePebbleTest.applyFor("eab.certdesk.test", List.of());
        Map<String, Object> view = AcmePebbleTest.awaitEnd(issuance);
        assertEquals("ISSUED", view.get("status"), "issuance ended " + view);
    }
}
