package io.certdesk.order.payment;

import static io.certdesk.order.Fixtures.TOKYO;
import static io.certdesk.order.Fixtures.command;
import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.order.Fixtures;
import io.certdesk.order.notice.Outboxes;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Payments: idempotent retries, partial payments, overpayment, concurrency. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class PaymentResourceTest {

    /** An invoiced DV order: 38,500 + 23,100 = 61,600 JPY. */
    private static JsonPath invoicedOrder() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        command(o.orderId(), "contract");
        command(o.orderId(), "invoice");
        return staff().get("/orders/{id}/invoice", o.orderId()).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> body(long invoiceId, long amount, String paidAt) {
        return Map.of("invoiceId", String.valueOf(invoiceId), "amountJpy", amount, "method", "BANK_TRANSFER",
                "reference", "振込 カ)テスト", "paidAt", paidAt);
    }

    @Test
    void retryWithTheSameKeyAndBodyIsCountedOnce() {
        JsonPath invoice = invoicedOrder();
        long invoiceId = invoice.getLong("id");
        String key = Fixtures.unique("retry");
        String paidAt = OffsetDateTime.now(TOKYO).minusHours(2).toString();

        JsonPath first = staff().header("Idempotency-Key", key).body(body(invoiceId, 20_000, paidAt)).post("/payments")
                .then().statusCode(201).body("balanceAfterJpy", equalTo(41_600)).extract().jsonPath();
        for (int i = 0; i < 3; i++) {
            JsonPath retry = staff().header("Idempotency-Key", key).body(body(invoiceId, 20_000, paidAt)).post("/payments")
                    .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath();
            assertEquals(first.getMap("$"), retry.getMap("$"));
        }
        staff().get("/invoices/{id}", invoiceId).then().body("paidJpy", equalTo(20_000))
                .body("balanceJpy", equalTo(41_600)).body("status", equalTo("OPEN"));
        staff().queryParam("invoiceId", invoiceId).get("/payments").then().body("items", hasSize(1));

        // same key, different body: refused and nothing recorded
        staff().header("Idempotency-Key", key).body(body(invoiceId, 30_000, paidAt)).post("/payments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("different"));
        staff().get("/invoices/{id}", invoiceId).then().body("paidJpy", equalTo(20_000));
    }

    @Test
    void partialPaymentsKeepTheInvoiceOpenAndOverpaymentIsFlaggedNotAbsorbed() {
        JsonPath invoice = invoicedOrder();
        long invoiceId = invoice.getLong("id");
        long orderId = invoice.getLong("orderId");
        Fixtures.pay(invoiceId, 1_600, Fixtures.unique("p")).then().statusCode(201)
                .body("invoiceStatus", equalTo("OPEN")).body("overpaymentFlagged", equalTo(false));
        staff().get("/orders/{id}", orderId).then().body("state", equalTo("INVOICED"));
        Fixtures.pay(invoiceId, 70_000, Fixtures.unique("p")).then().statusCode(201)
                .body("appliedJpy", equalTo(60_000))
                .body("overpaymentJpy", equalTo(10_000))
                .body("overpaymentFlagged", equalTo(true))
                .body("invoiceStatus", equalTo("OVERPAID"));
        staff().get("/invoices/{id}", invoiceId).then()
                .body("paidJpy", equalTo(61_600)).body("overpaymentJpy", equalTo(10_000))
                .body("balanceJpy", equalTo(0)).body("status", equalTo("OVERPAID"));
        staff().get("/orders/{id}", orderId).then().body("state", equalTo("PAID"));
        // a later payment on a settled invoice is all overpayment, and the order stays PAID
        Fixtures.pay(invoiceId, 500, Fixtures.unique("p")).then().statusCode(201)
                .body("appliedJpy", equalTo(0)).body("overpaymentJpy", equalTo(500));
        staff().get("/invoices/{id}", invoiceId).then().body("overpaymentJpy", equalTo(10_500));
        List<String> notes = staff().get("/orders/{id}/timeline", orderId).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'PAYMENT' }.note");
        assertEquals(2, notes.stream().filter(n -> n.contains("OVERPAYMENT")).count(), notes.toString());
        command(orderId, "start-application");
    }

    @Test
    void tenConcurrentPartialPaymentsSumExactly() throws Exception {
        JsonPath invoice = invoicedOrder();
        long invoiceId = invoice.getLong("id");
        long orderId = invoice.getLong("orderId");
        String paidAt = OffsetDateTime.now(TOKYO).minusHours(1).toString();
        String token = TestTokens.token(Roles.STAFF);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String key = Fixtures.unique("c" + i);
                calls.add(() -> io.restassured.RestAssured.given().auth().oauth2(token)
                        .contentType("application/json").header("Idempotency-Key", key)
                        .body(body(invoiceId, 6_160, paidAt)).post("/payments").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 201), statuses);
        } finally {
            pool.shutdownNow();
        }
        staff().get("/invoices/{id}", invoiceId).then()
                .body("paidJpy", equalTo(61_600)).body("overpaymentJpy", equalTo(0))
                .body("balanceJpy", equalTo(0)).body("status", equalTo("PAID"));
        staff().queryParam("invoiceId", invoiceId).get("/payments").then().body("items", hasSize(10))
                .body("items.findAll { it.invoiceStatus == 'PAID' }", hasSize(1));
        List<String> toPaid = staff().get("/orders/{id}/timeline", orderId).then().extract().jsonPath()
                .getList("items.findAll { it.command == 'RECORD_PAYMENT' }.toState");
        assertEquals(List.of("PAID"), toPaid);
        assertEquals(1, Outboxes.of(orderId, io.certdesk.order.notice.NoticeKind.PAYMENT_CONFIRMED).size(),
                "one confirmation for one completed invoice");
    }

    @Test
    void badPaymentsAreRefusedAndChangeNothing() {
        JsonPath invoice = invoicedOrder();
        long invoiceId = invoice.getLong("id");
        String paidAt = OffsetDateTime.now(TOKYO).minusHours(1).toString();
        staff().body(body(invoiceId, 1_000, paidAt)).post("/payments").then().statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"));
        staff().header("Idempotency-Key", "k-" + invoiceId).body(body(invoiceId, 0, paidAt)).post("/payments")
                .then().statusCode(400).body("violations.field", hasItem("amountJpy"));
        staff().header("Idempotency-Key", "k-" + invoiceId)
                .body(body(invoiceId, 100, OffsetDateTime.now(TOKYO).plusDays(2).toString())).post("/payments")
                .then().statusCode(400).body("violations.field", hasItem("paidAt"));
        staff().header("Idempotency-Key", "k-" + invoiceId).body(body(999_999_999L, 100, paidAt)).post("/payments")
                .then().statusCode(404);
        Fixtures.customer("C-1").header("Idempotency-Key", "k-c-" + invoiceId).body(body(invoiceId, 100, paidAt))
                .post("/payments").then().statusCode(403);
        staff().get("/invoices/{id}", invoiceId).then().body("paidJpy", equalTo(0));
    }

    @Test
    void cancellingAnUnpaidOrderVoidsItsInvoiceWithNothingDueAndLaterMoneyIsRecordedAsRefundDue() {
        JsonPath invoice = invoicedOrder();
        long invoiceId = invoice.getLong("id");
        long orderId = invoice.getLong("orderId");
        command(orderId, "cancel");
        staff().get("/invoices/{id}", invoiceId).then().body("status", equalTo("VOID"))
                .body("balanceJpy", equalTo(0)).body("refundDueJpy", equalTo(0));
        staff().get("/orders/{id}/timeline", orderId).then()
                .body("items.note", hasItem(containsString("Invoice " + invoice.getString("number") + " voided")));

        // money that arrives anyway is booked, none of it applied, all of it flagged for refund
        Fixtures.pay(invoiceId, 61_600, Fixtures.unique("v")).then().statusCode(201)
                .body("appliedJpy", equalTo(0)).body("overpaymentJpy", equalTo(61_600))
                .body("overpaymentFlagged", equalTo(true)).body("balanceAfterJpy", equalTo(0))
                .body("invoiceStatus", equalTo("REFUND_DUE"));
        staff().get("/invoices/{id}", invoiceId).then().body("status", equalTo("REFUND_DUE"))
                .body("paidJpy", equalTo(0)).body("overpaymentJpy", equalTo(61_600))
                .body("balanceJpy", equalTo(0)).body("refundDueJpy", equalTo(61_600));
        staff().get("/orders/{id}", orderId).then().body("state", equalTo("CANCELLED"));
        staff().get("/orders/{id}/timeline", orderId).then()
                .body("items.note", hasItem(containsString("REFUND_DUE 61600 JPY")));
    }

    @Test
    void cancellingAPartlyPaidOrderLeavesEverythingReceivedAsRefundDue() {
        JsonPath invoice = invoicedOrder();
        long invoiceId = invoice.getLong("id");
        long orderId = invoice.getLong("orderId");
        Fixtures.pay(invoiceId, 30_000, Fixtures.unique("p")).then().statusCode(201);
        command(orderId, "cancel");
        staff().get("/invoices/{id}", invoiceId).then().body("status", equalTo("REFUND_DUE"))
                .body("paidJpy", equalTo(30_000)).body("balanceJpy", equalTo(0))
                .body("refundDueJpy", equalTo(30_000));
        customer(invoice.getString("customerId")).get("/invoices/{id}", invoiceId).then()
                .body("status", equalTo("REFUND_DUE")).body("refundDueJpy", equalTo(30_000));
        staff().get("/orders/{id}/timeline", orderId).then()
                .body("items.note", hasItem(containsString("REFUND_DUE: 30000 JPY")));

        // the customer's second transfer does not complete the invoice: it adds to the refund
        Fixtures.pay(invoiceId, 31_600, Fixtures.unique("p")).then().statusCode(201)
                .body("appliedJpy", equalTo(0)).body("overpaymentJpy", equalTo(31_600))
                .body("overpaymentFlagged", equalTo(true)).body("invoiceStatus", equalTo("REFUND_DUE"));
        staff().get("/invoices/{id}", invoiceId).then().body("status", equalTo("REFUND_DUE"))
                .body("paidJpy", equalTo(30_000)).body("overpaymentJpy", equalTo(31_600))
                .body("refundDueJpy", equalTo(61_600)).body("balanceJpy", equalTo(0));
        staff().get("/orders/{id}", orderId).then().body("state", equalTo("CANCELLED"));
        // and no "payment confirmed" mail goes out for a cancelled order
        assertEquals(0, Outboxes.of(orderId, io.certdesk.order.notice.NoticeKind.PAYMENT_CONFIRMED).size());
    }

    @Test
    void cancellingAPaidOrderFlagsTheWholeAmountForRefund() {
        JsonPath invoice = invoicedOrder();
        long invoiceId = invoice.getLong("id");
        long orderId = invoice.getLong("orderId");
        Fixtures.pay(invoiceId, 62_000, Fixtures.unique("p")).then().statusCode(201)
                .body("invoiceStatus", equalTo("OVERPAID"));
        staff().get("/orders/{id}", orderId).then().body("state", equalTo("PAID"));
        command(orderId, "cancel");
        staff().get("/invoices/{id}", invoiceId).then().body("status", equalTo("REFUND_DUE"))
                .body("paidJpy", equalTo(61_600)).body("overpaymentJpy", equalTo(400))
                .body("refundDueJpy", equalTo(62_000)).body("balanceJpy", equalTo(0));
    }

    @Test
    void customersSeeOnlyTheirOwnInvoicesAndPayments() {
        JsonPath invoice = invoicedOrder();
        long invoiceId = invoice.getLong("id");
        String owner = invoice.getString("customerId");
        customer(owner).get("/invoices/{id}", invoiceId).then().statusCode(200).body("totalJpy", equalTo(61_600));
        customer(owner).queryParam("invoiceId", invoiceId).get("/payments").then().statusCode(200);
        customer("C-999999").get("/invoices/{id}", invoiceId).then().statusCode(404);
        // a filter for another customer's invoice finds nothing of theirs
        customer("C-999999").queryParam("invoiceId", invoiceId).get("/payments").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
