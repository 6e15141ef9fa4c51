package io.certdesk.keystore.vault;

import static io.certdesk.keystore.platform.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test profile unseals from a key file, as the local stack does. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SysResourceTest {

    @ParameterizedTest
    @ValueSource(strings = {Roles.STAFF, Roles.ADMIN, Roles.SERVICE})
    void keyFileVaultIsUnsealedAtStart(String role) {
        as(role).get("/sys/seal-status").then().statusCode(200)
                .body("initialized", equalTo(true))
                .body("sealed", equalTo(false))
                .body("unsealMode", equalTo("FILE"))
                .body("threshold", equalTo(0))
                .body("masterKeyVersion", greaterThanOrEqualTo(1));
    }

    @Test
    void shamirInitIsRefusedInKeyFileMode() {
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("shares", 5, "threshold", 3)).post("/sys/init")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aShareIsRefusedInKeyFileModeAndChangesNothing() {
        as(Roles.ADMIN).contentType(ContentType.JSON).body(Map.of("share", "AQID")).post("/sys/unseal")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("share"));
        as(Roles.ADMIN).get("/sys/seal-status").then().statusCode(200).body("sealed", equalTo(false));
        as(Roles.ADMIN).contentType(ContentType.JSON).body("{}").post("/sys/unseal").then().statusCode(200)
                .body("sealed", equalTo(false));
    }

    @Test
    void customersAndDeployersMayNotReadVaultState() {
        as(Roles.CUSTOMER).get("/sys/seal-status").then().statusCode(403)
                .contentType("application/problem+json");
        as(Roles.DEPLOYER).get("/sys/seal-status").then().statusCode(403);
        given().get("/sys/seal-status").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/unauthorized"));
    }

    @Test
    void unknownPathAndMethodAreProblems() {
        as(Roles.ADMIN).get("/sys/nothing").then().statusCode(404).contentType("application/problem+json");
        as(Roles.ADMIN).get("/sys/seal").then().statusCode(405).contentType("application/problem+json");
    }
}
