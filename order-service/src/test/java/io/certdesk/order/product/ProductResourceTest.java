package io.certdesk.order.product;

import static io.certdesk.order.platform.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class ProductResourceTest {

    private static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Map<String, Object> product(String code) {
        return Map.of("code", code, "name", "GlobalSign DomainSSL 1 year", "caBrand", "GlobalSign",
                "validationLevel", "DV", "validityMonths", 12, "applicationFeeJpy", 38_500);
    }

    @Test
    void staffCreatesProductAndEveryoneReadsIt() {
        String code = uniqueCode("DV");
        as(Roles.STAFF).contentType(ContentType.JSON).body(product(code))
                .post("/products")
                .then().statusCode(201)
                .header("Location", endsWith("/products/" + code))
                .body("code", equalTo(code))
                .body("validationLevel", equalTo("DV"))
                .body("applicationFeeJpy", equalTo(38_500))
                .body("active", equalTo(true))
                .body("reuseKey", equalTo(false))
                .header("ETag", notNullValue());

        as(Roles.CUSTOMER).get("/products/{code}", code)
                .then().statusCode(200).body("caBrand", equalTo("GlobalSign"));
        as(Roles.CUSTOMER).queryParam("size", 200).get("/products")
                .then().statusCode(200).body("items.code", hasItem(code)).body("size", equalTo(200));
    }

    @Test
    void updateReplacesDetailsAndRejectsStaleVersion() {
        String code = uniqueCode("EV");
        as(Roles.ADMIN).contentType(ContentType.JSON).body(product(code)).post("/products").then().statusCode(201);
        Map<String, Object> update = Map.of("name", "GlobalSign EV 1 year", "caBrand", "GlobalSign",
                "validationLevel", "EV", "validityMonths", 12, "applicationFeeJpy", 143_000, "active", false);
        String read = as(Roles.STAFF).get("/products/{code}", code).then().statusCode(200).extract().header("ETag");

        as(Roles.STAFF).contentType(ContentType.JSON).body(update).put("/products/{code}", code)
                .then().statusCode(428).contentType("application/problem+json");
        Map<String, Object> keepKey = new java.util.HashMap<>(update);
        keepKey.put("reuseKey", true);
        as(Roles.STAFF).contentType(ContentType.JSON).header("If-Match", read).body(keepKey).put("/products/{code}", code)
                .then().statusCode(200)
                .body("reuseKey", equalTo(true))
                .body("validationLevel", equalTo("EV"))
                .body("applicationFeeJpy", equalTo(143_000))
                .header("ETag", not(equalTo(read)));

        // someone else's change since the read: the stale tag is refused and nothing changes
        as(Roles.STAFF).contentType(ContentType.JSON).header("If-Match", read)
                .body(Map.of("name", "stale", "caBrand", "GlobalSign", "validationLevel", "EV", "validityMonths", 12,
                        "applicationFeeJpy", 1, "active", true)).put("/products/{code}", code)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/precondition-failed"))
                .body("detail", containsString("changed since you read it"));
        as(Roles.STAFF).get("/products/{code}", code).then().body("name", equalTo("GlobalSign EV 1 year"));
        // an unchanged resource answers 304 to If-None-Match
        String now = as(Roles.STAFF).get("/products/{code}", code).then().extract().header("ETag");
        as(Roles.STAFF).header("If-None-Match", now).get("/products/{code}", code).then().statusCode(304);

        // inactive products are hidden unless asked for
        as(Roles.STAFF).queryParam("size", 200).get("/products")
                .then().statusCode(200).body("items.code", not(hasItem(code)));
        as(Roles.STAFF).queryParam("size", 200).queryParam("includeInactive", true).get("/products")
                .then().statusCode(200).body("items.code", hasItem(code));
    }

    @Test
    void duplicateCodeIsConflictAndLeavesOriginalUntouched() {
        String code = uniqueCode("OV");
        as(Roles.STAFF).contentType(ContentType.JSON).body(product(code)).post("/products").then().statusCode(201);
        Map<String, Object> again = new java.util.HashMap<>(product(code));
        again.put("applicationFeeJpy", 1);

        as(Roles.STAFF).contentType(ContentType.JSON).body(again).post("/products")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(code));
        as(Roles.STAFF).get("/products/{code}", code).then().body("applicationFeeJpy", equalTo(38_500));
    }

    @Test
    void invalidProductListsEveryViolation() {
        Map<String, Object> bad = Map.of("code", "lower case", "name", "", "caBrand", "X",
                "validationLevel", "DV", "validityMonths", 0, "applicationFeeJpy", -1);
        as(Roles.STAFF).contentType(ContentType.JSON).body(bad).post("/products")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/validation"))
                .body("violations.field", hasItems("code", "name", "validityMonths", "applicationFeeJpy"));
    }

    @Test
    void unknownEnumValueIsValidationError() {
        Map<String, Object> bad = new java.util.HashMap<>(product(uniqueCode("XX")));
        bad.put("validationLevel", "QV");
        as(Roles.STAFF).contentType(ContentType.JSON).body(bad).post("/products")
                .then().statusCode(400).body("violations.field", hasItem("validationLevel"));
    }

    @Test
    void missingProductIs404() {
        as(Roles.STAFF).get("/products/NOPE-404")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/not-found"))
                .body("detail", containsString("NOPE-404"));
        Map<String, Object> update = Map.of("name", "n", "caBrand", "c", "validationLevel", "DV",
                "validityMonths", 12, "applicationFeeJpy", 1, "active", true);
        as(Roles.STAFF).contentType(ContentType.JSON).header("If-Match", "*").body(update).put("/products/NOPE-404")
                .then().statusCode(404);
    }

    @Test
    void pageSizeOutOfRangeIs400() {
        as(Roles.STAFF).queryParam("size", 0).get("/products")
                .then().statusCode(400).body("violations.field", hasItem("size"));
    }
}
