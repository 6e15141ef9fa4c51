package io.certdesk.order.quote;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.Peer;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quotes: CA fee + setup fee = total with the contained tax, frozen at quote time. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class QuoteResourceTest {

    @Test
    void newAndRenewalQuotesAddTheSetupFee() {
        String customerId = Fixtures.createCustomer(true).getString("id");
        String product = Fixtures.createProduct("OV", 66_000);
        String serverId = Fixtures.server(customerId);
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                        "domain", "WWW.Example.CO.JP.", "serverId", serverId))
                .post("/quotes").then().statusCode(201)
                .body("domain", equalTo("www.example.co.jp"))
                .body("validationLevel", equalTo("OV"))
                .body("applicationFeeJpy", equalTo(66_000))
                .body("setupFeeJpy", equalTo(23_100))
                .body("totalJpy", equalTo(89_100))
                .body("taxRatePercent", equalTo(10))
                .body("containedTaxJpy", equalTo(8_100))
                .body("status", equalTo("OPEN"))
                .body("issuer", equalTo("LOCAL"))
                .body("bindingStrategy", equalTo("SNI"))
                .body("httpsUrl", equalTo("https://www.example.co.jp:" + Peer.HTTPS_PORT + "/"));
        Fixtures.quote(customerId, product, "RENEWAL", Fixtures.domain());
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "RENEWAL",
                        "domain", Fixtures.domain(), "serverId", serverId))
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
    void bindingServiceConfirmsTheServerAndPreviewsThePlacement() {
        String customerId = Fixtures.createCustomer(true).getString("id");
        String stranger = Fixtures.createCustomer(true).getString("id");
        String product = Fixtures.createProduct("DV", 10_000);
        String mine = Fixtures.server(customerId);
        String theirs = Fixtures.server(stranger);
        // a server of another customer, and one that does not exist, are refused alike
        for (String serverId : List.of(theirs, "999999")) {
            staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                    "domain", Fixtures.domain(), "serverId", serverId)).post("/quotes").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("violations.field", contains("serverId"))
                    .body("detail", containsString("no server " + serverId + " of customer " + customerId));
        }
        // a domain another customer's server already serves cannot be certified for this one
        String taken = Fixtures.domain();
        Fixtures.staffAt(Peer.BINDING).body(Map.of("domain", taken, "strategy", "SNI"))
                .post("/servers/{id}/bindings", theirs).then().statusCode(201);
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                "domain", taken, "serverId", mine)).post("/quotes").then().statusCode(422)
                .body("violations.field", contains("domain"))
                .body("detail", containsString("another customer"));
        // an alternate port: the quote says where the site will answer and warns about the port
        String alt = Fixtures.domain();
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                "domain", alt, "serverId", mine, "bindingStrategy", "ALTERNATE_PORT")).post("/quotes").then()
                .statusCode(201)
                .body("bindingStrategy", equalTo("ALTERNATE_PORT"))
                .body("httpsUrl", equalTo("https://" + alt + ":" + Peer.ALT_FIRST + "/"))
                .body("bindingWarnings", hasItem(containsString("not the standard HTTPS port")));
        // nothing was placed by quoting
        Fixtures.staffAt(Peer.BINDING).queryParam("domain", alt).get("/bindings").then().statusCode(200)
                .body("total", equalTo(0));
        // OV and EV name the organisation: a customer without its certificate subject cannot be quoted one
        Map<String, Object> bare = Fixtures.customerBody(true, Fixtures.unique("bare").toLowerCase() + "@example.co.jp");
        bare.remove("certificateSubject");
        String bareId = staff().body(bare).post("/customers").then().statusCode(201).extract().path("id");
        staff().body(Map.of("customerId", bareId, "productCode", Fixtures.createProduct("OV", 10_000), "type", "NEW",
                "domain", Fixtures.domain(), "serverId", Fixtures.server(bareId))).post("/quotes").then().statusCode(422)
                .body("violations.field", contains("customerId"))
                .body("detail", containsString("certificate subject"));
    }

    @Test
    void badQuotesAreRefused() {
        String customerId = Fixtures.createCustomer(true).getString("id");
        String product = Fixtures.createProduct("DV", 10_000);
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                "domain", "not a domain", "serverId", "1")).post("/quotes").then().statusCode(400)
                .body("violations.field", hasItem("domain"));
        // a reissue is never quoted: order-service makes it inside a paid term
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "REISSUE",
                "domain", "a.example.jp", "serverId", "1")).post("/quotes").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("type"));
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
