package io.certdesk.order.order;

import static io.certdesk.order.Fixtures.command;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.IDN;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inputs at their limits: long names and domains on invoices, long notes, re-sent commands, bad query values. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class OrderInputLimitsTest {

    /** A valid 253-character punycode domain made of Japanese labels, unique per call. */
    static String longPunycodeDomain() {
        StringBuilder ascii = new StringBuilder(UUID.randomUUID().toString().substring(0, 8)).append(".jp");
        int i = 0;
        while (true) {
            String label = IDN.toASCII("日本語ドメイン名の例" + i++);
            if (ascii.length() + label.length() + 1 > 253) {
                break;
            }
            ascii.insert(0, label + ".");
        }
        String pad = "a".repeat(Math.min(63, 253 - ascii.length() - 1));
        return pad.isEmpty() ? ascii.toString() : pad + "." + ascii;
    }

    @Test
    void aMaximumLengthProductNameAndPunycodeDomainCanBeInvoiced() {
        String domain = longPunycodeDomain();
        assertTrue(domain.length() >= 250, domain);
        String name = "長".repeat(200);
        String code = Fixtures.unique("LONG");
        staff().body(Map.of("code", code, "name", name, "caBrand", "TestCA", "validationLevel", "DV",
                "validityMonths", 12, "applicationFeeJpy", 38_500)).post("/products").then().statusCode(201);
        String customerId = Fixtures.createCustomer(true).getString("id");
        String quoteId = Fixtures.quote(customerId, code, "NEW", domain).getString("id");
        Fixtures.customer(customerId).post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        long id = staff().body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        command(id, "contract");
        staff().post("/orders/{id}/invoice", id).then().statusCode(200).body("state", equalTo("INVOICED"));
        String line = staff().get("/orders/{id}/invoice", id).then().statusCode(200).extract().jsonPath()
                .getString("lines[0].description");
        assertEquals("SSL申請料 " + name + " (" + domain + ")", line);
    }

    @Test
    void aMaximumLengthOrderNoteIsStoredWholeAndALongerOneIs400() {
        String customerId = Fixtures.createCustomer(true).getString("id");
        String product = Fixtures.createProduct("DV", 10_000);
        String second = Fixtures.quote(customerId, product, "NEW", Fixtures.domain()).getString("id");
        Fixtures.customer(customerId).post("/quotes/{id}/accept", second).then().statusCode(200);

        Map<String, Object> tooLong = new HashMap<>(Map.of("quoteId", second, "note", "x".repeat(2001)));
        staff().body(tooLong).post("/orders").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("note"));
        String note = "備".repeat(2000);
        long id = staff().body(Map.of("quoteId", second, "note", note)).post("/orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        staff().get("/orders/{id}/timeline", id).then().statusCode(200)
                .body("items[0].note", equalTo("Ordered from quote " + second + ": " + note));
    }

    @Test
    void reSendingInvoiceWithOtherExtraChargesIs409NamingTheInvoice() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        command(id, "contract");
        Map<String, Object> server = Map.of("description", "専用サーバー利用料 2026年12月分", "amountJpy", 33_000);
        staff().body(Map.of("extraCharges", List.of(server))).post("/orders/{id}/invoice", id).then().statusCode(200);
        JsonPath invoice = staff().get("/orders/{id}/invoice", id).then().extract().jsonPath();
        String number = invoice.getString("number");

        // the same request again is a retry: answered unchanged
        staff().body(Map.of("extraCharges", List.of(server))).post("/orders/{id}/invoice", id).then().statusCode(200)
                .body("state", equalTo("INVOICED"));
        // other charges (or none) would silently not be billed: 409 naming the invoice
        Map<String, Object> other = Map.of("description", "専用サーバー利用料 2027年1月分", "amountJpy", 33_000);
        staff().body(Map.of("extraCharges", List.of(server, other))).post("/orders/{id}/invoice", id).then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString(number));
        staff().post("/orders/{id}/invoice", id).then().statusCode(409).body("detail", containsString(number));
        staff().get("/orders/{id}/invoice", id).then().body("lines", hasSize(3))
                .body("totalJpy", equalTo(invoice.getInt("totalJpy")));
    }

    @ParameterizedTest
    @CsvSource({"state,PAYED,PAYED", "dueDateFrom,2026-13-01,2026-13-01", "dueDateTo,tomorrow,tomorrow",
        "customerId,1,'1'", "page,2147483647,10000000", "page,-1,0", "size,1.5,1.5", "size,201,200", "sort,secret,secret",
        "sort,'id,id',id"})
    void badQueryValuesAre400NamingTheField(String field, String value, String explained) {
        staff().queryParam(field, value).get("/orders").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/validation"))
                .body("violations[0].field", equalTo(field))
                .body("detail", containsString(explained));
    }
}
