package io.certdesk.order.platform;

import static io.certdesk.order.platform.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OrderSecurityTest {

    private static final Map<String, Object> PRODUCT = Map.of("code", "SEC-1", "name", "n", "caBrand", "c",
            "validationLevel", "DV", "validityMonths", 12, "applicationFeeJpy", 1);

    @Test
    void noTokenIs401Problem() {
        given().get("/products")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://certdesk.io/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void forgedOrExpiredTokenIs401() {
        given().auth().oauth2("not.a.jwt").get("/products").then().statusCode(401)
                .contentType("application/problem+json");
        String expired = TestTokens.claims().subject("x").groups("staff")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(expired).get("/products").then().statusCode(401);
        String wrongIssuer = Jwt.issuer("https://evil.example").audience(TestTokens.AUDIENCES).subject("x").groups("staff").sign();
        given().auth().oauth2(wrongIssuer).get("/products").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.CUSTOMER, Roles.DEPLOYER, Roles.SERVICE})
    void rolesOtherThanStaffCannotCreateProducts(String role) {
        as(role).contentType(ContentType.JSON).body(PRODUCT).post("/products")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/forbidden"))
                .body("status", equalTo(403));
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aNumericCustomerIdClaimIsReadAsTextAndMustBeACustomerId() {
        // Some issuers write ids as JSON numbers: the claim is read as text, then held to the id's one rule. 4711 is
        // not a customer id (C-4711 is), so the token is refused with a 403 that says why, never a 500.
        String numeric = TestTokens.claims().subject("numeric").groups(Roles.CUSTOMER)
                .claim("customer_id", 4711L).expiresIn(java.time.Duration.ofMinutes(10)).sign();
        given().auth().oauth2(numeric).get("/orders").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("customer_id"));
        String text = TestTokens.claims().subject("text").groups(Roles.CUSTOMER)
                .claim("customer_id", "C-4711").expiresIn(java.time.Duration.ofMinutes(10)).sign();
        given().auth().oauth2(text).get("/orders").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(text).get("/customers/{id}", "C-1").then().statusCode(404);
        given().auth().oauth2(text).get("/customers/{id}", "4711").then().statusCode(400)
                .body("violations[0].field", equalTo("customerId"));
    }

    /** A token is narrowed by every claim it carries, whatever roles it also has (see NarrowingClaims). */
    @Test
    void everyClaimNarrowsTheTokenWhateverItsRoles() {
        io.certdesk.order.Fixtures.Created o = io.certdesk.order.Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        String quote = io.certdesk.order.Fixtures.order(id).getString("quoteId");
        String stranger = narrowed(java.util.Set.of(Roles.STAFF, Roles.CUSTOMER), "C-999999");
        for (String path : new String[] {"/orders/{id}", "/orders/{id}/timeline", "/orders/{id}/steps",
                "/orders/{id}/notices"}) {
            io.restassured.RestAssured.given().auth().oauth2(stranger).get(path, id).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        io.restassured.RestAssured.given().auth().oauth2(stranger).get("/quotes/{id}", quote).then().statusCode(404);
        io.restassured.RestAssured.given().auth().oauth2(stranger).get("/customers/{id}", o.customerId()).then()
                .statusCode(404);
        io.restassured.RestAssured.given().auth().oauth2(stranger).get("/orders").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        // the staff role is gone: no operator command, not even on the token's own customer's order
        io.restassured.RestAssured.given().auth().oauth2(stranger).post("/orders/{id}/contract", id).then()
                .statusCode(403);
        String owner = narrowed(java.util.Set.of(Roles.STAFF, Roles.CUSTOMER), o.customerId());
        io.restassured.RestAssured.given().auth().oauth2(owner).get("/orders/{id}", id).then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(owner).post("/orders/{id}/contract", id).then().statusCode(403);
        // a staff token that names a customer keeps no role at all
        io.restassured.RestAssured.given().auth().oauth2(narrowed(java.util.Set.of(Roles.STAFF), o.customerId()))
                .get("/orders/{id}", id).then().statusCode(403);
        io.certdesk.order.Fixtures.staff().get("/orders/{id}", id).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("QUOTED"));
    }

    private static String narrowed(java.util.Set<String> roles, String customerId) {
        return TestTokens.claims().subject("narrowed").groups(roles).claim("customer_id", customerId)
                .expiresIn(java.time.Duration.ofMinutes(5)).sign();
    }
}
