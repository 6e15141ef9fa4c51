package io.certdesk.order;

import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API convention as a client meets it: Idempotency-Key, strict JSON, sorting, /me, CORS and entity tags. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class ApiConventionTest {

    private static int customersNamed(String name) {
        return staff().queryParam("q", name).get("/customers").then().statusCode(200).extract().path("total");
    }

    @Test
    void aRetriedCreateWithTheSameKeyAnswersTheFirstAnswerAndCreatesNothingMore() {
        String name = Fixtures.unique("冪等株式会社");
        Map<String, Object> body = Fixtures.customerBody(true, "idem@example.co.jp");
        body.put("organisationName", name);
        String key = java.util.UUID.randomUUID().toString();
        var first = staff().header("Idempotency-Key", key).body(body).post("/customers").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract();
        var again = staff().header("Idempotency-Key", key).body(body).post("/customers").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location"))).extract();
        assertEquals(first.jsonPath().getMap("$"), again.jsonPath().getMap("$"));
        assertEquals(1, customersNamed(name));
        // the same key for another request is refused and changes nothing
        body.put("address", "大阪府大阪市北区1-1");
        staff().header("Idempotency-Key", key).body(body).post("/customers").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/idempotency-key-reused"));
        assertEquals(1, customersNamed(name));
        // keys are per caller: another caller's request with the same key is its own
        RestAssured.given().auth().oauth2(TestTokens.token(Roles.ADMIN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post("/customers").then().statusCode(201);
        assertEquals(2, customersNamed(name));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneResource() throws Exception {
        String name = Fixtures.unique("同時株式会社");
        Map<String, Object> body = Fixtures.customerBody(true, "race@example.co.jp");
        body.put("organisationName", name);
        String key = java.util.UUID.randomUUID().toString();
        String token = TestTokens.token(Roles.STAFF);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> ids = new ArrayList<>();
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                        .header("Idempotency-Key", key).body(body).post("/customers").then().statusCode(201)
                        .extract().path("id"));
            }
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        assertEquals(1, customersNamed(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "a\"quoted\"key\\with space", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anUnusableIdempotencyKeyIs400(String key) {
        staff().header("Idempotency-Key", key).body(Fixtures.customerBody(true, "k@example.co.jp")).post("/customers")
                .then().statusCode(400).body("violations.field", hasItem("Idempotency-Key"));
    }

    @Test
    void jsonMeansExactlyWhatItSays() {
        String code = Fixtures.unique("STRICT");
        // a key given twice: 400, nothing stored
        staff().body("{\"code\":\"" + code + "\",\"code\":\"OTHER\",\"name\":\"n\",\"caBrand\":\"c\","
                        + "\"validationLevel\":\"DV\",\"validityMonths\":12,\"applicationFeeJpy\":1}")
                .post("/products").then().statusCode(400).contentType("application/problem+json");
        // a number for an enum, a string or a fraction for a whole number, a number for a text
        Map<String, Object> product = new HashMap<>(Map.of("code", code, "name", "n", "caBrand", "c",
                "validationLevel", "DV", "validityMonths", 12, "applicationFeeJpy", 1));
        for (Map.Entry<String, Object> bad : List.of(Map.entry("validationLevel", (Object) 1),
                Map.entry("validityMonths", (Object) "12"), Map.entry("applicationFeeJpy", (Object) 1.5),
                Map.entry("name", (Object) 7))) {
            Map<String, Object> body = new HashMap<>(product);
            body.put(bad.getKey(), bad.getValue());
            staff().body(body).post("/products").then().statusCode(400)
                    .body("violations.field", hasItem(bad.getKey()));
        }
        staff().get("/products/{code}", code).then().statusCode(404);
        // an id in the body is a string of its documented form
        staff().body(Map.of("quoteId", 1)).post("/orders").then().statusCode(400)
                .body("violations.field", hasItem("quoteId"));
    }

    @Test
    void listsSortByTheirDocumentedFieldsOnly() {
        String a = Fixtures.createProduct("DV", 1);
        String b = Fixtures.createProduct("OV", 2);
        List<String> ascending = staff().queryParam("size", 200).queryParam("sort", "code").get("/products").then()
                .statusCode(200).extract().path("items.code");
        List<String> descending = staff().queryParam("size", 200).queryParam("sort", "-code").get("/products").then()
                .statusCode(200).extract().path("items.code");
        List<String> reversed = new ArrayList<>(descending);
        java.util.Collections.reverse(reversed);
        assertEquals(ascending, reversed);
        org.junit.jupiter.api.Assertions.assertTrue(ascending.containsAll(List.of(a, b)));
        staff().queryParam("sort", "applicationFeeJpy").get("/products").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"))
                .body("violations[0].message", containsString("code, createdAt, name, validationLevel"));
        staff().queryParam("page", 9_999_999).get("/products").then().statusCode(200).body("items", empty());
        // a list with a fixed order refuses to be sorted instead of ignoring it
        long order = Fixtures.newOrder("OV", true, null).orderId();
        staff().queryParam("sort", "kind").get("/orders/{id}/documents", order).then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
    }

    @Test
    void everyProblemHasTheSameMembers() {
        staff().get("/orders/{id}", 999_999_991).then().statusCode(404).contentType("application/problem+json")
                .body("violations", empty()).body("allowedCommands", empty()).body("instance", notNullValue());
    }

    @Test
    void meSaysWhoTheTokenIsHere() {
        RestAssured.given().auth().oauth2(TestTokens.token(Roles.CUSTOMER)).get("/me").then().statusCode(200)
                .body("service", equalTo("order-service")).body("roles", equalTo(List.of("customer")))
                .body("customerId", equalTo("C-1")).body("serverId", nullValue());
        staff().get("/me").then().statusCode(200).body("customerId", nullValue()).body("roles", hasItem("staff"));
        RestAssured.given().get("/me").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void browsersOnAllowedOriginsMayCallAndReadTheHeaders() {
        RestAssured.given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,if-match")
                .options("/orders").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        long order = Fixtures.newOrder("DV", true, null).orderId();
        staff().header("Origin", "http://localhost:8080").get("/orders/{id}", order).then().statusCode(200)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
        RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/orders").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aCommandHoldsToTheETagItWasGiven() {
        long order = Fixtures.newOrder("DV", true, null).orderId();
        String tag = staff().get("/orders/{id}", order).then().extract().header("ETag");
        staff().header("If-None-Match", tag).get("/orders/{id}", order).then().statusCode(304);
        Fixtures.command(order, "contract");
        // the order moved on: a command sent with the old tag is refused and changes nothing
        staff().header("If-Match", tag).post("/orders/{id}/invoice", order).then().statusCode(412);
        staff().get("/orders/{id}", order).then().body("state", equalTo("CONTRACTED"));
        String now = staff().get("/orders/{id}", order).then().extract().header("ETag");
        staff().header("If-Match", now).post("/orders/{id}/invoice", order).then().statusCode(200)
                .body("state", equalTo("INVOICED"));
    }
}
