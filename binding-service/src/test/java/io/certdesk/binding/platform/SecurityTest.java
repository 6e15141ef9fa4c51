package io.certdesk.binding.platform;

import static io.certdesk.binding.platform.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SecurityTest {

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
}
