package io.certdesk.order.fee;

import static io.certdesk.order.Fixtures.staff;
import static io.certdesk.order.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seeded fee schedule and publishing a new version. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class FeeResourceTest {

    @Test
    void publishedFeesAreSeeded() {
        as(Roles.CUSTOMER).get("/fees/current/NEW").then().statusCode(200)
                .body("setupFeeJpy", equalTo(23_100)).body("containedTaxJpy", equalTo(2_100))
                .body("taxRatePercent", equalTo(10));
        as(Roles.CUSTOMER).get("/fees/current/RENEWAL").then().statusCode(200)
                .body("setupFeeJpy", equalTo(10_500)).body("containedTaxJpy", equalTo(954));
    }

    @Test
    void aNewVersionClosesTheCurrentOneFromItsStartAndPastStartsAreRefused() {
        // far in the future, so the other tests keep quoting today's fee
        Instant from = Instant.parse("2090-04-01T00:00:00Z").plus((long) (Math.random() * 1000), ChronoUnit.DAYS);
        as(Roles.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("orderType", "RENEWAL", "setupFeeJpy", 11_000, "effectiveAt", from.toString()))
                .post("/fees").then().statusCode(201).body("setupFeeJpy", equalTo(11_000)).body("endsAt", nullValue());
        staff().get("/fees").then().statusCode(200)
                .body("items.find { it.orderType == 'RENEWAL' && it.setupFeeJpy == 10500 }.endsAt", equalTo(from.toString()));
        staff().get("/fees/current/RENEWAL").then().body("setupFeeJpy", equalTo(10_500));
        // not before the current version's start, and never in the past
        as(Roles.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("orderType", "RENEWAL", "setupFeeJpy", 12_000, "effectiveAt", from.toString()))
                .post("/fees").then().statusCode(400).body("violations.field", hasItem("effectiveAt"));
        as(Roles.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("orderType", "NEW", "setupFeeJpy", 1, "effectiveAt", "2020-01-01T00:00:00Z"))
                .post("/fees").then().statusCode(400).body("violations.field", hasItem("effectiveAt"));
        staff().contentType(ContentType.JSON)
                .body(Map.of("orderType", "NEW", "setupFeeJpy", 1, "effectiveAt", from.toString()))
                .post("/fees").then().statusCode(403);
        // a reissue inside a paid term is free: there is no fee for it to have
        as(Roles.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("orderType", "REISSUE", "setupFeeJpy", 1, "effectiveAt", from.plusSeconds(3600).toString()))
                .post("/fees").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("orderType"));
        staff().get("/fees/current/REISSUE").then().statusCode(409).contentType("application/problem+json");
    }
}
