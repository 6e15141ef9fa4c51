package io.certdesk.keystore.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The token rules every service applies the same way (this file is the same in the three): when a token was issued,
 * how long a deployer token lives, who keeps the service role, and that a claim takes the operator roles away.
 * {@code GET /me} shows what is left of a token.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TokenRulesTest {

    private static String token(String subject, Set<String> roles, Instant issuedAt, Instant expiresAt) {
        return TestTokens.claims().subject(subject).groups(roles).issuedAt(issuedAt).expiresAt(expiresAt)
                .jws().keyId(TestTokens.KEY_ID).sign();
    }

    @Test
    void aTokenIssuedInTheFutureOrLongAgoIsRefused() {
        Instant now = Instant.now();
        given().auth().oauth2(token("early", Set.of(Roles.STAFF), now.plus(Duration.ofMinutes(10)),
                now.plus(Duration.ofMinutes(20)))).get("/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(token("old", Set.of(Roles.STAFF), now.minus(Duration.ofHours(13)),
                now.plus(Duration.ofMinutes(5)))).get("/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(token("fresh", Set.of(Roles.STAFF), now.minusSeconds(5), now.plus(Duration.ofMinutes(5))))
                .get("/me").then().statusCode(200).body("roles", contains(Roles.STAFF));
    }

    @Test
    void aDeployerTokenLivesAnHourAtMost() {
        Instant now = Instant.now();
        String longLived = TestTokens.claims().subject("agent").groups(Roles.DEPLOYER).claim(Caller.SERVER_CLAIM, "1")
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(2))).jws().keyId(TestTokens.KEY_ID).sign();
        given().auth().oauth2(longLived).get("/me").then().statusCode(401);
        String shortLived = TestTokens.claims().subject("agent").groups(Roles.DEPLOYER).claim(Caller.SERVER_CLAIM, "1")
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(30))).jws().keyId(TestTokens.KEY_ID).sign();
        given().auth().oauth2(shortLived).get("/me").then().statusCode(200).body("serverId", equalTo("1"));
    }

    @Test
    void onlyTheNamedCallersKeepTheServiceRole() {
        Instant now = Instant.now();
        // a script that calls itself a service: no role is left, so nothing is allowed, not even GET /me
        given().auth().oauth2(token("some-script", Set.of(Roles.SERVICE), now, now.plus(Duration.ofMinutes(5))))
                .get("/me").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aClaimTakesTheOperatorRolesAway() {
        Instant now = Instant.now();
        String staffOfC2 = TestTokens.claims().subject("narrowed").groups(Set.of(Roles.STAFF, Roles.CUSTOMER))
                .claim(Caller.CUSTOMER_CLAIM, "C-2").issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).sign();
        given().auth().oauth2(staffOfC2).get("/me").then().statusCode(200)
                .body("roles", contains(Roles.CUSTOMER)).body("customerId", equalTo("C-2"));
        String adminOfServer = TestTokens.claims().subject("narrowed").groups(Roles.ADMIN).claim(Caller.SERVER_CLAIM, "3")
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).sign();
        given().auth().oauth2(adminOfServer).get("/me").then().statusCode(200).body("roles", empty())
                .body("serverId", equalTo("3"));
    }
}
