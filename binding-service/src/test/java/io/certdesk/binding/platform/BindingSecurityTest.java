package io.certdesk.binding.platform;

import static io.certdesk.binding.platform.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BindingSecurityTest {

    @Test
    void noTokenIs401Problem() {
        given().get("/servers").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://certdesk.io/problems/unauthorized"));
        given().auth().oauth2("garbage").get("/servers").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.CUSTOMER, Roles.DEPLOYER, Roles.SERVICE})
    void onlyStaffRegistersServers(String role) {
        as(role).contentType(ContentType.JSON).body(Map.of("hostname", "x.example.com")).post("/servers")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/forbidden"));
    }

    @Test
    void deployerCannotListServers() {
        as(Roles.DEPLOYER).get("/servers").then().statusCode(403);
    }

    @Test
    void malformedJsonAndUnknownFieldsAre400() {
        as(Roles.STAFF).contentType(ContentType.JSON).body("{").post("/servers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/malformed-request"));
        as(Roles.STAFF).contentType(ContentType.JSON).body("{\"hostname\":\"a.example.com\",\"rack\":1}").post("/servers")
                .then().statusCode(400).body("type", equalTo("https://certdesk.io/problems/validation"));
    }

    private static String customerDeployerToken(String customerId, long serverId) {
        return TestTokens.claims().subject("both").groups(java.util.Set.of(Roles.CUSTOMER, Roles.DEPLOYER))
                .claim(Caller.CUSTOMER_CLAIM, customerId).claim(Caller.SERVER_CLAIM, Long.toString(serverId))
                .expiresIn(Duration.ofMinutes(5)).sign();
    }

    @Test
    void aTokenWithCustomerAndDeployerRolesIsLimitedByBothClaims() {
        String ip = Fixtures.primaryIp();
        int c1 = Fixtures.server("C-1", ip, "www.both" + Fixtures.next() + ".example", 0);
        int other = Fixtures.server("C-1", Fixtures.primaryIp(), "www.both" + Fixtures.next() + ".example", 0);
        Fixtures.certify(c1);
        String foreign = customerDeployerToken("C-2", c1);
        for (String path : new String[] {"/servers/{id}/bindings", "/servers/{id}/config", "/servers/{id}/addresses",
                "/servers/{id}"}) {
            given().auth().oauth2(foreign).get(path, c1).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(foreign).queryParam("ip", ip).queryParam("port", 443).get("/resolve")
                .then().statusCode(404).contentType("application/problem+json");

        // the right customer is still held to the token's one server
        String own = customerDeployerToken("C-1", c1);
        given().auth().oauth2(own).get("/servers/{id}/bindings", c1).then().statusCode(200);
        given().auth().oauth2(own).queryParam("ip", ip).queryParam("port", 443).get("/resolve").then().statusCode(200);
        given().auth().oauth2(own).get("/servers/{id}/bindings", other).then().statusCode(404);
        given().auth().oauth2(own).get("/servers/{id}/config", other).then().statusCode(404);
        given().auth().oauth2(own).get("/servers/{id}", other).then().statusCode(404);
        given().auth().oauth2(own).get("/servers").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(String.valueOf(c1)));
    }

    /** Operator roles do not widen a token that names a customer or a server (see NarrowingClaims). */
    @Test
    void aClaimTakesTheOperatorRolesAway() {
        int c1 = Fixtures.server("C-1", Fixtures.primaryIp(), "www.op" + Fixtures.next() + ".example", 0);
        String staffOfC2 = TestTokens.claims().subject("op").groups(java.util.Set.of(Roles.STAFF, Roles.CUSTOMER))
                .claim(Caller.CUSTOMER_CLAIM, "C-2").expiresIn(Duration.ofMinutes(5)).sign();
        given().auth().oauth2(staffOfC2).get("/servers/{id}", c1).then().statusCode(404);
        given().auth().oauth2(staffOfC2).get("/servers/{id}/bindings", c1).then().statusCode(404);
        given().auth().oauth2(staffOfC2).contentType("application/json")
                .body(Map.of("domain", "x" + Fixtures.next() + ".op.example", "strategy", "SNI"))
                .post("/servers/{id}/bindings", c1).then().statusCode(403);
        String serviceOfServer = TestTokens.claims().subject("op").groups(Roles.SERVICE)
                .claim(Caller.SERVER_CLAIM, String.valueOf(c1)).expiresIn(Duration.ofMinutes(5)).sign();
        given().auth().oauth2(serviceOfServer).get("/servers/{id}", c1).then().statusCode(403);
        as(Roles.STAFF).get("/servers/{id}/bindings", c1).then().statusCode(200).body("total", equalTo(1));
    }
}
