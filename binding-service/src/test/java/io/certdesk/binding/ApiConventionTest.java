package io.certdesk.binding;

import static io.certdesk.binding.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.certdesk.binding.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API convention on bindings: one binding per Idempotency-Key, ids as strings of one form, /me. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiConventionTest {

    @Test
    void aRetriedBindWithOneKeyMakesOneBinding() {
        int server = Fixtures.server("C-1", Fixtures.primaryIp(), "www.idem" + Fixtures.next() + ".example", 0);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Fixtures.binding("shop" + Fixtures.next() + ".example", "ALTERNATE_PORT");
        String id = as(Roles.SERVICE).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/servers/{id}/bindings", server).then().statusCode(201).extract().path("binding.id");
        as(Roles.SERVICE).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/servers/{id}/bindings", server).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("binding.id", equalTo(id)).body("binding.port", equalTo(444));
        // without the key the same request is a second attempt to bind the domain: 409
        as(Roles.SERVICE).contentType(ContentType.JSON).body(body).post("/servers/{id}/bindings", server).then()
                .statusCode(409);
        assertEquals(2, Fixtures.bindings(server).size(), "the master and the one new binding");
    }

    @Test
    void idsHaveOneFormEverywhere() {
        as(Roles.STAFF).get("/servers/01").then().statusCode(400).body("violations[0].field", equalTo("serverId"));
        as(Roles.STAFF).get("/servers/-1").then().statusCode(400);
        as(Roles.STAFF).get("/servers/99999999999999999999").then().statusCode(400);
        as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("hostname", "h" + Fixtures.next() + ".example.jp",
                        "customerId", "C-01", "masterDomain", "www.x.example", "primaryIp", Fixtures.primaryIp(),
                        "plan", Map.of("code", "P", "additionalIpLimit", 0)))
                .post("/servers").then().statusCode(400).body("violations.field", hasItem("customerId"));
        // a deployer token's server claim follows the same rule: "01" is no server
        String leadingZero = TestTokens.claims().subject("d").groups(Roles.DEPLOYER).claim("server_id", "01")
                .sign();
        RestAssured.given().auth().oauth2(leadingZero).get("/servers/1/bindings").then().statusCode(403);
    }

    @Test
    void meSaysWhoTheTokenIsHere() {
        String both = TestTokens.claims().subject("both").groups(java.util.Set.of(Roles.CUSTOMER, Roles.DEPLOYER))
                .claim("customer_id", "C-2").claim("server_id", 5).sign();
        RestAssured.given().auth().oauth2(both).get("/me").then().statusCode(200)
                .body("service", equalTo("binding-service")).body("roles", equalTo(List.of("customer", "deployer")))
                .body("customerId", equalTo("C-2")).body("serverId", equalTo("5"));
    }
}
