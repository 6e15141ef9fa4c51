package io.certdesk.order.invoice;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The invoice PDF through the API: what it prints, who may read it, and that it never changes once delivered. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class InvoiceDocumentTest {

    @Test
    void theInvoicePrintsEachTaxCategoryAndStaysAsDeliveredAfterTheCustomerIsRenamed() throws Exception {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        Fixtures.command(id, "contract");
        // a reduced-rate and a non-taxable charge billed with the certificate; no other rates exist
        staff().body(Map.of("extraCharges", List.of(Map.of("description", "来客用飲料", "amountJpy", 1_080,
                        "taxCategory", "FIVE_PERCENT")))).post("/orders/{id}/invoice", id).then().statusCode(400)
                .contentType("application/problem+json");
        staff().body(Map.of("extraCharges", List.of(Map.of("description", "来客用飲料", "amountJpy", 1_080,
                        "taxRatePercent", 5)))).post("/orders/{id}/invoice", id).then().statusCode(400)
                .contentType("application/problem+json");
        JsonPath invoice = staff().body(Map.of("extraCharges", List.of(
                        Map.of("description", "来客用飲料（軽減税率）", "amountJpy", 1_080, "taxCategory", "REDUCED"),
                        Map.of("description", "収入印紙代（立替金）", "amountJpy", 200, "taxCategory", "NON_TAXABLE"))))
                .post("/orders/{id}/invoice", id).then().statusCode(200).extract().jsonPath();
        JsonPath view = staff().get("/orders/{id}/invoice", id).then().statusCode(200)
                .body("recipientName", equalTo(o.customer().getString("organisationName")))
                .body("taxes.taxCategory", equalTo(List.of("STANDARD", "REDUCED", "NON_TAXABLE")))
                .body("taxes.containedTaxJpy", equalTo(List.of(5_600, 80, 0)))
                .body("lines.taxCategory", hasItem("REDUCED")).extract().jsonPath();
        String invoiceId = view.getString("id");
        byte[] pdf = customer(o.customerId()).get("/invoices/{id}/document", invoiceId).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String text = InvoicePdfTest.pdftotext(pdf);
        assertTrue(text.contains(o.customer().getString("organisationName")) && text.contains("御中")
                && text.contains("8%対象（※軽減税率対象）") && text.contains("非課税") && text.contains("62,880円")
                && text.contains(view.getString("number")), text);

        // renaming the customer changes neither the invoice nor its document
        Map<String, Object> renamed = Fixtures.customerBody(true, o.customer().getString("noticeEmail"));
        renamed.put("organisationName", "株式会社リネーム後");
        String etag = staff().get("/customers/{id}", o.customerId()).then().extract().header("ETag");
        staff().header("If-Match", etag).body(renamed).put("/customers/{id}", o.customerId()).then().statusCode(200);
        staff().get("/invoices/{id}", invoiceId).then().body("recipientName", equalTo(o.customer().getString("organisationName")));
        assertArrayEquals(pdf, staff().get("/invoices/{id}/document", invoiceId).then().statusCode(200).extract().asByteArray());

        // another customer's invoice is not found, and only invoices have documents
        Fixtures.Created other = Fixtures.newOrder("DV", true, null);
        customer(other.customerId()).get("/invoices/{id}/document", invoiceId).then().statusCode(404)
                .contentType("application/problem+json");
        staff().get("/invoices/{id}/document", "999999999").then().statusCode(404).contentType("application/problem+json");
        staff().get("/invoices/{id}/document", "x").then().statusCode(400).contentType("application/problem+json");
        assertTrue(invoice.getString("state").equals("INVOICED"));
    }
}
