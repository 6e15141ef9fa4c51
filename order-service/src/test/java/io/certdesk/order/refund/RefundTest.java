package io.certdesk.order.refund;

import static io.certdesk.order.Fixtures.command;
import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.invoice.InvoicePdfTest;
import io.certdesk.order.notice.NoticeKind;
import io.certdesk.order.notice.OutboxNotice;
import io.certdesk.order.notice.Outboxes;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Money that goes back: an overpayment refunded by transfer with the fee deducted, a cancelled order's money partly
 * applied to the customer's next invoice and the rest refunded (each with its refund invoice, 返還インボイス, read back
 * with pdftotext), the cancellation notice of a voided invoice, and every request that must change nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class RefundTest {

    private static final LocalDate TODAY = LocalDate.now(Fixtures.TOKYO);

    /** An invoiced order of {@code customerId} (CA fee 38,500 + setup 23,100 = 61,600 JPY); answers the invoice. */
    private static JsonPath invoiced(String customerId) {
        String product = Fixtures.createProduct("DV", 38_500);
        String server = Fixtures.server(customerId);
        String quote = Fixtures.quote(customerId, product, "NEW", Fixtures.domain(), server).getString("id");
        customer(customerId).post("/quotes/{id}/accept", quote).then().statusCode(200);
        long order = staff().body(Map.of("quoteId", quote)).post("/orders").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        command(order, "contract");
        command(order, "invoice");
        return staff().get("/orders/{id}/invoice", order).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> account() {
        return Map.of("bankName", "みずほ銀行", "branchName", "渋谷支店", "accountType", "ORDINARY",
                "accountNumber", "1234567", "accountHolder", "ｶ)ｻﾝﾌﾟﾙ");
    }

    private static Map<String, Object> transfer(String invoiceId, long amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("invoiceId", invoiceId);
        body.put("method", "BANK_TRANSFER");
        body.put("amountJpy", amount);
        body.put("refundDate", TODAY.toString());
        body.put("account", account());
        return body;
    }

    private static io.restassured.response.Response refund(Map<String, Object> body) {
        return staff().header("Idempotency-Key", Fixtures.unique("refund")).body(body).post("/refunds");
    }

    private static JsonPath invoice(String id) {
        return staff().get("/invoices/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static byte[] pdf(String invoiceId, String documentId) {
        return staff().get("/invoices/{id}/documents/{doc}", invoiceId, documentId).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
    }

    @Test
    void anOverpaymentIsRefundedByTransferWithTheFeeDeductedAndNoRefundInvoice() throws Exception {
        String customerId = Fixtures.createCustomer(true).getString("id");
        JsonPath inv = invoiced(customerId);
        String id = inv.getString("id");
        long orderId = inv.getLong("orderId");
        Fixtures.pay(id, 71_600, Fixtures.unique("pay")).then().statusCode(201);
        assertEquals("OVERPAID", invoice(id).getString("status"));
        assertEquals(10_000, invoice(id).getInt("refundDueJpy"));

        // bad requests change nothing
        staff().body(transfer(id, 10_000)).post("/refunds").then().statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"));
        Map<String, Object> noAccount = transfer(id, 10_000);
        noAccount.remove("account");
        refund(noAccount).then().statusCode(400).body("violations.field", hasItem("account"));
        Map<String, Object> shortNumber = transfer(id, 10_000);
        shortNumber.put("account", new HashMap<>(account()) {{ put("accountNumber", "12345"); }});
        refund(shortNumber).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("account.accountNumber"));
        Map<String, Object> kanjiHolder = transfer(id, 10_000);
        kanjiHolder.put("account", new HashMap<>(account()) {{ put("accountHolder", "山田太郎"); }});
        refund(kanjiHolder).then().statusCode(400).body("violations.field", hasItem("account.accountHolder"));
        Map<String, Object> tomorrow = transfer(id, 10_000);
        tomorrow.put("refundDate", TODAY.plusDays(1).toString());
        refund(tomorrow).then().statusCode(400).body("violations.field", hasItem("refundDate"));
        Map<String, Object> withTarget = transfer(id, 10_000);
        withTarget.put("targetInvoiceId", id);
        refund(withTarget).then().statusCode(400).body("violations.field", hasItem("targetInvoiceId"));
        refund(transfer(id, 10_001)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("10000 JPY left to return"));
        refund(transfer("999999999", 1)).then().statusCode(404);
        customer(customerId).header("Idempotency-Key", Fixtures.unique("c")).body(transfer(id, 10_000))
                .post("/refunds").then().statusCode(403);
        assertEquals(10_000, invoice(id).getInt("refundDueJpy"));

        Map<String, Object> body = transfer(id, 10_000);
        body.put("transferFeeJpy", 440);
        body.put("feeDeducted", true);
        String key = Fixtures.unique("refund");
        JsonPath r = staff().header("Idempotency-Key", key).body(body).post("/refunds").then().statusCode(201)
                .body("method", equalTo("BANK_TRANSFER")).body("considerationJpy", equalTo(0))
                .body("receivedJpy", equalTo(9_560)).body("documentId", nullValue())
                .body("account.accountHolder", equalTo("カ)サンプル")).extract().jsonPath();
        // a retry answers the same refund, booked once
        staff().header("Idempotency-Key", key).body(body).post("/refunds").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(r.getString("id")));
        JsonPath after = invoice(id);
        assertEquals("PAID", after.getString("status"));
        assertEquals(0, after.getInt("refundDueJpy"));
        assertEquals(10_000, after.getInt("returnedJpy"));
        refund(transfer(id, 1)).then().statusCode(409).body("detail", containsString("nothing is left to return"));

        // the customer reads it, without the staff note; the mail says it was an excess, with no tax
        customer(customerId).get("/refunds/{id}", r.getString("id")).then().statusCode(200).body("note", nullValue());
        String other = Fixtures.createCustomer(true).getString("id");
        customer(other).get("/refunds/{id}", r.getString("id")).then().statusCode(404);
        customer(other).get("/refunds").then().statusCode(200).body("total", equalTo(0));
        List<OutboxNotice> mails = Outboxes.of(orderId, NoticeKind.REFUND_COMPLETED);
        assertEquals(1, mails.size());
        OutboxNotice mail = mails.get(0);
        assertNull(mail.attachmentDocumentId);
        assertTrue(mail.body.contains("9,560円") && mail.body.contains("440円") && mail.body.contains("過入金")
                && mail.body.contains("＊＊＊＊567") && !mail.body.contains("1234567"), mail.body);
    }

    @Test
    void aCancelledOrdersMoneyIsAppliedToTheNextInvoiceAndTheRestRefundedEachWithARefundInvoice() throws Exception {
        String customerId = Fixtures.createCustomer(true).getString("id");
        JsonPath first = invoiced(customerId);
        JsonPath next = invoiced(customerId);
        JsonPath stranger = invoiced(Fixtures.createCustomer(true).getString("id"));
        String id = first.getString("id");
        long orderId = first.getLong("orderId");
        Fixtures.pay(id, 61_600, Fixtures.unique("pay")).then().statusCode(201);
        command(orderId, "cancel");
        assertEquals("REFUND_DUE", invoice(id).getString("status"));

        // the cancellation notice: a PDF delivered with the mail, listed with the invoice's documents
        List<Map<String, Object>> docs = customer(customerId).get("/invoices/{id}/documents", id).then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(List.of("INVOICE", "VOID_NOTICE"), docs.stream().map(d -> d.get("kind")).toList());
        String voidText = InvoicePdfTest.pdftotext(pdf(id, String.valueOf(docs.get(1).get("id"))));
        assertTrue(voidText.contains("請求書取消のお知らせ") && voidText.contains(first.getString("number"))
                && voidText.contains("ご返金いたします"), voidText);
        OutboxNotice voided = Outboxes.of(orderId, NoticeKind.INVOICE_VOIDED).get(0);
        assertEquals(Long.valueOf(String.valueOf(docs.get(1).get("id"))), voided.attachmentDocumentId);
        assertTrue(voided.body.contains("61,600円"), voided.body);
        customer(stranger.getString("customerId")).get("/invoices/{id}/documents", id).then().statusCode(404);

        // applied to another customer's invoice, or to a paid one: refused
        Map<String, Object> apply = new HashMap<>(Map.of("invoiceId", id, "method", "APPLIED_TO_INVOICE",
                "amountJpy", 30_000, "targetInvoiceId", stranger.getString("id")));
        refund(apply).then().statusCode(400).body("violations.field", hasItem("targetInvoiceId"));
        apply.put("targetInvoiceId", next.getString("id"));
        apply.put("amountJpy", 61_601);
        refund(apply).then().statusCode(409);
        apply.put("account", account());
        apply.put("amountJpy", 30_000);
        refund(apply).then().statusCode(400).body("violations.field", hasItem("account"));
        apply.remove("account");
        assertEquals("OPEN", invoice(next.getString("id")).getString("status"));

        // 30,000 pays part of the next invoice: a payment there, a refund invoice here
        JsonPath applied = refund(apply).then().statusCode(201).body("considerationJpy", equalTo(30_000))
                .body("targetInvoiceId", equalTo(next.getString("id"))).extract().jsonPath();
        assertNotNull(applied.getString("documentId"));
        JsonPath target = invoice(next.getString("id"));
        assertEquals(30_000, target.getInt("paidJpy"));
        assertEquals("OPEN", target.getString("status"));
        staff().queryParam("invoiceId", next.getString("id")).get("/payments").then()
                .body("items[0].method", equalTo("APPLIED_CREDIT"));
        String r1 = InvoicePdfTest.pdftotext(pdf(id, applied.getString("documentId")));
        assertTrue(r1.contains("返還請求書") && r1.contains("適格返還請求書") && r1.contains(first.getString("number") + "-R1")
                && r1.contains(first.getString("registrationNumber")) && r1.contains("返還額（税込）")
                && r1.contains("30,000") && r1.contains("10%対象") && r1.contains("2,727")
                && r1.contains(next.getString("number")), r1);
        assertEquals("REFUND_DUE", invoice(id).getString("status"));

        // a staff payment cannot pose as applied money
        Fixtures.pay(Long.parseLong(next.getString("id")), 100, Fixtures.unique("x"), Map.of("method", "APPLIED_CREDIT"))
                .then().statusCode(400).body("violations.field", hasItem("method"));

        // the rest by transfer, the company bearing the fee: the invoice is REFUNDED
        Map<String, Object> rest = transfer(id, 31_600);
        rest.put("transferFeeJpy", 330);
        JsonPath refunded = refund(rest).then().statusCode(201).body("considerationJpy", equalTo(31_600))
                .body("receivedJpy", equalTo(31_600)).extract().jsonPath();
        JsonPath done = invoice(id);
        assertEquals("REFUNDED", done.getString("status"));
        assertEquals(0, done.getInt("refundDueJpy"));
        String r2 = InvoicePdfTest.pdftotext(pdf(id, refunded.getString("documentId")));
        assertTrue(r2.contains(first.getString("number") + "-R2") && r2.contains("31,600") && r2.contains("2,872")
                && r2.contains("みずほ銀行"), r2);

        List<OutboxNotice> mails = Outboxes.of(orderId, NoticeKind.REFUND_COMPLETED);
        assertEquals(2, mails.size());
        assertTrue(mails.get(0).body.contains("充当") && mails.get(0).body.contains(next.getString("number")),
                mails.get(0).body);
        assertTrue(mails.get(1).body.contains("弊社にて負担") && mails.get(1).body.contains("31,600円"),
                mails.get(1).body);
        for (OutboxNotice m : mails) {
            assertNotNull(m.attachmentDocumentId);
            assertFalse(m.body.matches("(?s).*\\b\\d{4}-\\d{2}-\\d{2}\\b.*"), m.body);
        }
        staff().queryParam("invoiceId", id).get("/refunds").then().statusCode(200).body("total", equalTo(2));
        customer(customerId).get("/refunds").then().statusCode(200).body("total", equalTo(2));
        staff().get("/orders/{id}/timeline", orderId).then()
                .body("items.note", hasItem(containsString("31600 JPY of it returns the price")));
    }

    @Test
    void aVoidedInvoiceGetsItsCancellationNoticeAndHasNothingToRefund() throws Exception {
        String customerId = Fixtures.createCustomer(true).getString("id");
        JsonPath inv = invoiced(customerId);
        String id = inv.getString("id");
        long orderId = inv.getLong("orderId");
        command(orderId, "cancel");
        assertEquals("VOID", invoice(id).getString("status"));
        OutboxNotice voided = Outboxes.of(orderId, NoticeKind.INVOICE_VOIDED).get(0);
        assertNotNull(voided.attachmentDocumentId);
        assertTrue(voided.body.contains("お支払いは不要です") && !voided.body.contains("ご返金"), voided.body);
        refund(transfer(id, 1)).then().statusCode(409).body("detail", containsString("VOID"));
    }
}
