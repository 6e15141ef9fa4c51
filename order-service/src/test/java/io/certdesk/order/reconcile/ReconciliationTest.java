package io.certdesk.order.reconcile;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A bank statement settles invoices: exact transfers, one with the transfer fee deducted, one named by its invoice
 * number, an ambiguous one and a stranger's wait for review, a credit that reappears in an overlapping statement is a
 * duplicate, and the same file imported twice changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class ReconciliationTest {

    private static final String FULL = "アイウエオカキクケコ";
    private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺ";

    /** A customer whose kana name is its own: 8 letters from a random number, in full and half width. */
    private record Payer(String id, String kana, String halfWidth) {
    }

    private static Payer payer(String legalForm) {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        StringBuilder full = new StringBuilder();
        StringBuilder half = new StringBuilder();
        for (char d : Long.toString(n).toCharArray()) {
            full.append(FULL.charAt(d - '0'));
            half.append(HALF.charAt(d - '0'));
        }
        Map<String, Object> body = Fixtures.customerBody(true, Fixtures.unique("pay").toLowerCase() + "@example.co.jp");
        body.put("organisationName", legalForm + full);
        body.put("organisationKana", (legalForm.startsWith("株式") ? "カブシキガイシャ" : "ユウゲンガイシャ") + full);
        String id = staff().body(body).post("/customers").then().statusCode(201).extract().path("id");
        return new Payer(id, full.toString(), half.toString());
    }

    /** An invoiced order of the payer (CA fee 38,500 + setup 23,100 = 61,600 JPY); answers the invoice. */
    private static JsonPath invoiced(Payer p) {
        String product = Fixtures.createProduct("DV", 38_500);
        String server = Fixtures.server(p.id());
        String quote = Fixtures.quote(p.id(), product, "NEW", Fixtures.domain(), server).getString("id");
        customer(p.id()).post("/quotes/{id}/accept", quote).then().statusCode(200);
        long order = staff().body(Map.of("quoteId", quote)).post("/orders").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Fixtures.command(order, "contract");
        Fixtures.command(order, "invoice");
        return staff().get("/orders/{id}/invoice", order).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification csv(String text) {
        return staff().contentType("text/csv").body(text.getBytes(Charset.forName("Windows-31J")));
    }

    private static JsonPath invoice(JsonPath i) {
        return staff().get("/invoices/{id}", i.getString("id")).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aStatementSettlesWhatItCanAndLeavesTheRestForReview() {
        Payer a = payer("株式会社");
        Payer b = payer("有限会社");
        Payer c = payer("株式会社");
        Payer d = payer("株式会社");
        JsonPath invA = invoiced(a);
        JsonPath invB = invoiced(b);
        JsonPath invC1 = invoiced(c);
        JsonPath invC2 = invoiced(c);
        JsonPath invD = invoiced(d);
        String hintD = invD.getString("number").replaceAll("[^0-9]", "").substring(4).replaceFirst("^0+", "");
        String header = "取引日,摘要,お支払金額,お預り金額,差引残高,照会番号\r\n";
        String lineA = "2026/12/01,ｶ)" + a.halfWidth() + ",,\"61,600\",,R1\r\n";
        String statement = header + lineA
                + "2026/12/01,ﾕ)" + b.halfWidth() + ",,\"61,160\",,R2\r\n"          // 440 yen fee deducted
                + "2026/12/02,ｶ)" + c.halfWidth() + ",,\"61,600\",,R3\r\n"          // two invoices fit
                + "2026/12/02," + hintD + " ｶ)" + d.halfWidth() + ",,61600,,R4\r\n"  // named by invoice number
                + "2026/12/02,ｼｲﾚｻｷ ﾍﾝｷﾝ,,\"3,300\",,R5\r\n"                        // no customer of that name
                + "2026/12/03,ﾃﾞﾝｷﾀﾞｲ,\"12,000\",,,R6\r\n";                         // a withdrawal

        // only staff import; a broken file changes nothing
        customer(a.id()).contentType("text/csv").body(statement.getBytes(Charset.forName("Windows-31J")))
                .post("/bank-statements").then().statusCode(403);
        csv(header + "2026/12/01,ｶ)" + a.halfWidth() + ",,abc,,R1\r\n").post("/bank-statements").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("row 2"));
        csv("\r\n").post("/bank-statements").then().statusCode(400).contentType("application/problem+json");
        assertEquals("OPEN", invoice(invA).getString("status"));

        JsonPath imported = csv(statement).queryParam("fileName", "meisai-2026-12.csv").post("/bank-statements").then()
                .statusCode(201).body("credits", equalTo(5)).body("matched", equalTo(3)).body("review", equalTo(2))
                .body("duplicates", equalTo(0)).extract().jsonPath();

        // exact: paid, the order moves on
        assertEquals("PAID", invoice(invA).getString("status"));
        // fee deducted: paid, the 440 yen booked as a fee, nothing left to pay
        JsonPath paidB = invoice(invB);
        assertEquals("PAID", paidB.getString("status"));
        assertEquals(440, paidB.getInt("transferFeesJpy"));
        assertEquals(0, paidB.getInt("balanceJpy"));
        // named by its number
        assertEquals("PAID", invoice(invD).getString("status"));
        // ambiguous and unknown: in review, the invoices untouched
        assertEquals("OPEN", invoice(invC1).getString("status"));
        assertEquals("OPEN", invoice(invC2).getString("status"));
        List<Map<String, Object>> review = staff().queryParam("status", "REVIEW")
                .queryParam("statementId", imported.getString("id")).get("/bank-credits").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(2, review.size());
        assertTrue(String.valueOf(review.get(0).get("reason")).contains("ambiguous"), review.toString());
        assertTrue(String.valueOf(review.get(1).get("reason")).contains("no open invoice"), review.toString());

        // the same file again: the first import's figures, nothing booked twice
        csv(statement).post("/bank-statements").then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(imported.getString("id"))).body("matched", equalTo(3));
        staff().queryParam("invoiceId", invA.getString("id")).get("/payments").then().body("total", equalTo(1));

        // an overlapping statement brings A's credit again: a duplicate, never a second payment
        csv(header + lineA + "2026/12/04,ｶ)" + c.halfWidth() + ",,\"61,600\",,R7\r\n").post("/bank-statements").then()
                .statusCode(201).body("duplicates", equalTo(1)).body("credits", equalTo(2)).body("review", equalTo(1));
        staff().queryParam("invoiceId", invA.getString("id")).get("/payments").then().body("total", equalTo(1));

        // accounting assigns the ambiguous credit and dismisses the stranger's
        String ambiguous = String.valueOf(review.get(0).get("id"));
        String stranger = String.valueOf(review.get(1).get("id"));
        staff().body(Map.of("invoiceId", invC1.getString("id"))).post("/bank-credits/{id}/assignment", ambiguous).then()
                .statusCode(200).body("status", equalTo("MATCHED")).body("invoiceId", equalTo(invC1.getString("id")));
        assertEquals("PAID", invoice(invC1).getString("status"));
        staff().body(Map.of("invoiceId", invC2.getString("id"))).post("/bank-credits/{id}/assignment", ambiguous).then()
                .statusCode(409);
        staff().body(Map.of("reason", "仕入先からの返金")).post("/bank-credits/{id}/dismissal", stranger).then()
                .statusCode(200).body("status", equalTo("IGNORED")).body("reason", containsString("仕入先からの返金"));
        staff().body(Map.of("reason", " ")).post("/bank-credits/{id}/dismissal", stranger).then().statusCode(400);
        staff().body(Map.of("invoiceId", invC2.getString("id"), "transferFeeJpy", 5_000))
                .post("/bank-credits/{id}/assignment", stranger).then().statusCode(409);
        staff().body(Map.of("invoiceId", invC2.getString("id"))).post("/bank-credits/{id}/assignment", "999999999").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aZenginTransferNoticeSettlesInvoicesAndATruncatedOneChangesNothing() {
        Payer a = payer("株式会社");
        Payer b = payer("有限会社");
        JsonPath invA = invoiced(a);
        JsonPath invB = invoiced(b);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        String day = String.format("%02d%02d%02d", today.getYear() - 2018, today.getMonthValue(), today.getDayOfMonth());
        byte[] file = new ZenginFile(day, "").credit("101", day, 61_600, "ｶ)" + a.halfWidth())
                .credit("102", day, 61_160, "ﾕ)" + b.halfWidth()).close();

        staff().contentType("application/octet-stream").body(java.util.Arrays.copyOf(file, 700))
                .post("/bank-statements").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("全銀協"));
        assertEquals("OPEN", invoice(invA).getString("status"));

        staff().contentType("application/octet-stream").body(file).queryParam("fileName", "NYUKIN.DAT")
                .post("/bank-statements").then().statusCode(201).body("credits", equalTo(2)).body("matched", equalTo(2));
        assertEquals("PAID", invoice(invA).getString("status"));
        JsonPath paidB = invoice(invB);
        assertEquals("PAID", paidB.getString("status"));
        assertEquals(440, paidB.getInt("transferFeesJpy"));
        staff().contentType("application/octet-stream").body(file).post("/bank-statements").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
    }

    @Test
    void aTransferFeeIsAcceptedOnlyWithinTheToleranceAndWhenItSettlesTheBalance() {
        Payer p = payer("株式会社");
        JsonPath inv = invoiced(p);
        String id = inv.getString("id");
        // over the tolerance (880 by default), or not settling the balance: refused, nothing booked
        Fixtures.pay(Long.parseLong(id), 60_000, Fixtures.unique("k"), Map.of("transferFeeJpy", 1_600)).then()
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("transferFeeJpy"));
        Fixtures.pay(Long.parseLong(id), 60_000, Fixtures.unique("k"), Map.of("transferFeeJpy", 440)).then()
                .statusCode(400).body("detail", containsString("settle the balance of 61600 JPY exactly"));
        assertEquals(61_600, invoice(inv).getInt("balanceJpy"));
        Fixtures.pay(Long.parseLong(id), 61_160, Fixtures.unique("k"), Map.of("transferFeeJpy", 440)).then()
                .statusCode(201).body("transferFeeJpy", equalTo(440)).body("invoiceStatus", equalTo("PAID"));
    }
}
