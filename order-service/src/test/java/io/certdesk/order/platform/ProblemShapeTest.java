package io.certdesk.order.platform;

import static io.certdesk.order.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every failure is problem+json with type, title, status and detail, and reveals no internals. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ProblemShapeTest {

    @Test
    void malformedJsonIs400() {
        as(Roles.STAFF).contentType(ContentType.JSON).body("{\"code\": \"A\", ").post("/products")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/malformed-request"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        String body = "{\"code\":\"UNK-1\",\"name\":\"n\",\"caBrand\":\"c\",\"validationLevel\":\"DV\","
                + "\"validityMonths\":12,\"applicationFeeJpy\":1,\"discount\":5}";
        as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/products")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("discount"));
    }

    @Test
    void missingBodyIs400() {
        as(Roles.STAFF).contentType(ContentType.JSON).post("/products")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongTypeIs400() {
        String body = "{\"code\":\"T-1\",\"name\":\"n\",\"caBrand\":\"c\",\"validationLevel\":\"DV\","
                + "\"validityMonths\":\"twelve\",\"applicationFeeJpy\":1}";
        as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/products")
                .then().statusCode(400).body("violations.field", hasItem("validityMonths"));
    }

    @Test
    void unknownPathIs404Problem() {
        as(Roles.STAFF).get("/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/not-found"));
    }

    @Test
    void wrongMethodIs405Problem() {
        as(Roles.STAFF).delete("/products")
                .then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        as(Roles.STAFF).contentType(ContentType.XML).body("<product/>").post("/products")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
