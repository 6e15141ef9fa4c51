package io.certdesk.keystore.audit;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.key.KeyResourceTest;
import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A customer hammering another customer's key is counted, not written to the chain once per request. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DenialTallyTest {

    private static List<Map<String, Object>> deniedReadsBy(String subject) {
        return as(Roles.ADMIN).queryParam("action", "key.read").queryParam("actor", subject)
                .queryParam("outcome", "DENIED").queryParam("size", 200).get("/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static long accountedFor(List<Map<String, Object>> rows) {
        long n = 0;
        for (Map<String, Object> r : rows) {
            Matcher summary = SUMMARY.matcher(String.valueOf(r.get("detail")));
            n += summary.find() ? Long.parseLong(summary.group(1)) : 1;
        }
        return n;
    }

    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) more refusal\\(s\\)");

    @Test
    void repeatedRefusalsBecomeOneEntryAndOneCount() throws InterruptedException {
        String theirs = KeyResourceTest.generate("C-2", "EC_P256");
        String subject = "hammer-" + UUID.randomUUID();
        String token = TestTokens.claims().subject(subject).groups(Roles.CUSTOMER).claim("customer_id", "C-1")
                .expiresIn(Duration.ofMinutes(5)).jws().keyId(TestTokens.KEY_ID).sign();
        long before = as(Roles.ADMIN).get("/audit").then().extract().jsonPath().getLong("total");
        for (int i = 0; i < 30; i++) {
            RestAssured.given().auth().oauth2(token).get("/keys/{id}", theirs).then().statusCode(404);
        }
        long after = as(Roles.ADMIN).get("/audit").then().extract().jsonPath().getLong("total");
        assertTrue(after - before < 10, "30 refusals grew the chain by " + (after - before));

        // every refusal is accounted for: written ones count one, a window's summary counts what it says
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Map<String, Object>> rows = deniedReadsBy(subject);
        while (accountedFor(rows) < 30 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            rows = deniedReadsBy(subject);
        }
        assertEquals(30, accountedFor(rows), rows.toString());
        assertTrue(rows.size() <= 4, "a few entries, not thirty: " + rows);
        assertTrue(rows.stream().anyMatch(r -> theirs.equals(r.get("target"))), "the first refusal names the key");
        as(Roles.ADMIN).get("/audit/verify").then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
    }
}
