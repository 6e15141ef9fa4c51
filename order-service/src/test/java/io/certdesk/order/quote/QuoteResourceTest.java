package io.certdesk.order.quote;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.certdesk.order.Fixtures;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quotes: CA fee + setup fee = total with the contained tax, frozen at quote time. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class QuoteResourceTest {

    @Test
    void newAndRenewalQuotesAddTheSetupFee() {
        String customerId = Fixtures.createCustomer(true).getString("id");
        String product = Fixtures.createProduct("OV", 66_000);
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                        "domain", "WWW.Example.CO.JP.", "serverId", "7"))
                .post("/quotes").then().statusCode(201)
                .body("domain", equalTo("www.example.co.jp"))
                .body("validationLevel", equalTo("OV"))
                .body("applicationFeeJpy", equalTo(66_000))
                .body("setupFeeJpy", equalTo(23_100))
                .body("totalJpy", equalTo(89_100))
                .body("taxRatePercent", equalTo(10))
                .body("containedTaxJpy", equalTo(8_100))
                .body("status", equalTo("OPEN"));
        Fixtures.quote(customerId, product, "RENEWAL", Fixtures.domain());
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "RENEWAL",
                        "domain", Fixtures.domain(), "serverId", "7"))
                .post("/quotes").then().statusCode(201)
                .body("setupFeeJpy", equalTo(10_500))
                .body("totalJpy", equalTo(76_500))
                .body("containedTaxJpy", equalTo(6_954));
    }

    @Test
    void aLaterPriceChangeNeverAltersTheQuoteOrItsInvoice() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        String quoteId = staff().get("/orders/{id}", o.orderId()).then().extract().jsonPath().getString("quoteId");
        String code = staff().get("/orders/{id}", o.orderId()).then().extract().jsonPath().getString("productCode");
        Fixtures.replace("/products/{code}", Map.of("name", "Test DV 1 year", "caBrand", "TestCA",
                "validationLevel", "DV", "validityMonths", 12, "applicationFeeJpy", 99_000, "active", true), code)
                .then().statusCode(200);
        staff().get("/quotes/{id}", quoteId).then().body("applicationFeeJpy", equalTo(38_500))
                .body("totalJpy", equalTo(61_600));
        Fixtures.command(o.orderId(), "contract");
        Fixtures.command(o.orderId(), "invoice");
        staff().get("/orders/{id}/invoice", o.orderId()).then().body("totalJpy", equalTo(61_600));
    }

    @Test
    void acceptanceByTheOwnerOrStaffOnlyAndTwiceIsHarmless() {
        String owner = Fixtures.createCustomer(true).getString("id");
        String stranger = Fixtures.createCustomer(true).getString("id");
        long id = Fixtures.quote(owner, Fixtures.createProduct("DV", 10_000), "NEW", Fixtures.domain()).getLong("id");
        customer(stranger).get("/quotes/{id}", id).then().statusCode(404);
        customer(stranger).post("/quotes/{id}/accept", id).then().statusCode(404);
        staff().get("/quotes/{id}", id).then().body("status", equalTo("OPEN"));
        customer(owner).post("/quotes/{id}/accept", id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("acceptedBy", equalTo("user-of-" + owner));
        staff().post("/quotes/{id}/accept", id).then().statusCode(200).body("acceptedBy", equalTo("user-of-" + owner));
        customer(owner).body(Map.of("customerId", owner, "productCode", "X", "type", "NEW", "domain", "a.jp",
                "serverId", "1")).post("/quotes").then().statusCode(403);
    }

    @Test
    void badQuotesAreRefused() {
        String customerId = Fixtures.createCustomer(true).getString("id");
        String product = Fixtures.createProduct("DV", 10_000);
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                "domain", "not a domain", "serverId", "1")).post("/quotes").then().statusCode(400)
                .body("violations.field", hasItem("domain"));
        // ids in the body that name nothing are 404, with the field named
        staff().body(Map.of("customerId", "C-404404", "productCode", product, "type", "NEW",
                "domain", "a.example.jp", "serverId", "1")).post("/quotes").then().statusCode(404)
                .body("violations.field", hasItem("customerId"));
        staff().body(Map.of("customerId", customerId, "productCode", "NOPE", "type", "NEW",
                "domain", "a.example.jp", "serverId", "1")).post("/quotes").then().statusCode(404)
                .body("violations.field", hasItem("productCode"));
        // ids of the wrong form (or type) are 400, with the field named
        staff().body(Map.of("customerId", "c-1", "productCode", product, "type", "NEW",
                "domain", "a.example.jp", "serverId", "1")).post("/quotes").then().statusCode(400)
                .body("violations.field", hasItem("customerId"));
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                "domain", "a.example.jp", "serverId", 1)).post("/quotes").then().statusCode(400)
                .body("violations.field", hasItem("serverId"));
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                "domain", "a.example.jp", "serverId", "01")).post("/quotes").then().statusCode(400)
                .body("violations.field", hasItem("serverId"));
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "UPGRADE",
                "domain", "a.example.jp", "serverId", "1")).post("/quotes").then().statusCode(400)
                .body("violations.field", hasItem("type"));
    }
}
