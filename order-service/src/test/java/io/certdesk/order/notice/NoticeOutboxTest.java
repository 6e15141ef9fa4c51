package io.certdesk.order.notice;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Await;
import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Notices are queued in the business transaction (only if it commits) and mailed afterwards by the sender. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class NoticeOutboxTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    NoticeService notices;

    @Inject
    OutboxRepository outbox;

    @Test
    void aNoticeIsQueuedOnlyByACommittedChangeAndThenMailed() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        String to = o.customer().getString("noticeEmail");

        // guard fails: nothing changed, nothing queued
        staff().body(Map.of("questions", List.of("登録者名をお知らせください")))
                .post("/orders/{id}/owner-questions", id).then().statusCode(409);
        Fixtures.advance(o, "DV", "INVOICED");
        JsonPath invoice = staff().get("/orders/{id}/invoice", id).then().extract().jsonPath();
        // the invoice went out with its PDF
        assertEquals(List.of(NoticeKind.INVOICE_ISSUED), Outboxes.of(id).stream().map(n -> n.kind).toList());
        List<Mail> invoiceMails = Await.until("the invoice in the mock mailbox", () -> mailbox.getMailsSentTo(to),
                m -> m != null && !m.isEmpty());
        Mail invoiceMail = invoiceMails.get(0);
        assertTrue(invoiceMail.getSubject().contains("ご請求書送付のお知らせ") && invoiceMail.getSubject()
                .contains(invoice.getString("number")), invoiceMail.getSubject());
        assertTrue(invoiceMail.getText().contains("お支払期限") && invoiceMail.getText().contains("さくら銀行")
                && invoiceMail.getText().contains("口座番号 1234567") && invoiceMail.getText().contains("円（税込"),
                invoiceMail.getText());
        assertEquals(1, invoiceMail.getAttachments().size());
        assertEquals(invoice.getString("number") + ".pdf", invoiceMail.getAttachments().get(0).getName());
        assertEquals("application/pdf", invoiceMail.getAttachments().get(0).getContentType());
        List<Byte> data = io.smallrye.mutiny.Multi.createFrom().publisher(invoiceMail.getAttachments().get(0).getData())
                .collect().asList().await().indefinitely();
        byte[] attached = new byte[data.size()];
        for (int i = 0; i < attached.length; i++) {
            attached[i] = data.get(i);
        }
        byte[] downloaded = customer(o.customerId()).get("/invoices/{id}/document", invoice.getString("id")).then()
                .statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(invoice.getString("number") + ".pdf"))
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(downloaded, attached, "the customer downloads what was mailed");

        String key = Fixtures.unique("k");
        Fixtures.pay(invoice.getLong("id"), 1_000, key).then().statusCode(201);
        // a rejected payment (the key reused for another amount) changes nothing and queues nothing either
        Fixtures.pay(invoice.getLong("id"), invoice.getLong("totalJpy"), key).then().statusCode(422);
        // the part payment is acknowledged with the balance; no confirmation before the payment that completes it
        assertEquals(List.of(NoticeKind.INVOICE_ISSUED, NoticeKind.PAYMENT_PARTIAL),
                Outboxes.of(id).stream().map(n -> n.kind).toList());
        assertTrue(Outboxes.of(id, NoticeKind.PAYMENT_PARTIAL).get(0).body.contains("残額"),
                Outboxes.of(id, NoticeKind.PAYMENT_PARTIAL).get(0).body);

        Fixtures.payInFull(id);
        List<OutboxNotice> queued = Outboxes.of(id).stream().filter(n -> n.kind == NoticeKind.PAYMENT_CONFIRMED).toList();
        assertEquals(1, queued.size());
        assertEquals(to, queued.get(0).recipient);
        assertTrue(queued.get(0).body.contains(invoice.getString("number")), queued.get(0).body);
        assertTrue(queued.get(0).body.contains("登録番号：T7123456789012"), queued.get(0).body);

        List<Mail> mails = Await.until("the confirmation in the mock mailbox", () -> mailbox.getMailsSentTo(to),
                m -> m != null && m.size() == 3);
        assertEquals(queued.get(0).subject, mails.get(2).getSubject());
        assertEquals(queued.get(0).body, mails.get(2).getText());
        assertEquals(List.of("ssl-support@certdesk.example"), List.of(mails.get(2).getFrom()));

        OutboxNotice sent = Outboxes.settled(id).stream().filter(n -> n.kind == NoticeKind.PAYMENT_CONFIRMED)
                .findFirst().orElseThrow();
        assertNotNull(sent.sentAt);
        assertNull(sent.gaveUpAt);
        assertNull(sent.lastError);
        assertEquals(1, sent.attempts);
        JsonPath timeline = staff().get("/orders/{id}/timeline", id).then().extract().jsonPath();
        assertEquals(List.of("Mailed invoice " + invoice.getString("number") + " (PDF) to " + to,
                        "Mailed balance reminder for invoice " + invoice.getString("number") + " to " + to,
                        "Mailed payment confirmation and application-start notice to " + to),
                timeline.getList("items.findAll { it.kind == 'NOTICE' }.note"));
        assertEquals("test-staff@certdesk.test", timeline.getString("items.find { it.kind == 'NOTICE' }.actor"));
        assertEquals(3, mailbox.getMailsSentTo(to).size(), "a sent notice is not mailed again");
    }

    @Test
    void aNoticeQueuedInATransactionThatRollsBackIsGone() throws Throwable {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        Fixtures.advance(o, "DV", "PAID");
        assertEquals(2, Outboxes.settled(id).size(), "the invoice and the payment confirmation");

        AtomicInteger seenInside = new AtomicInteger();
        IllegalStateException rollback = new IllegalStateException("the business change failed after queuing");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                        () -> notices.askOwnerQuestions(id, List.of("登録者名をお知らせください"), "test")
                                .chain(() -> outbox.flush())
                                .chain(() -> outbox.ofOrder(id))
                                .invoke(rows -> seenInside.set(rows.size()))
                                .chain(() -> Uni.createFrom().failure(rollback)))));
        assertEquals(rollback.getMessage(), thrown.getMessage());
        assertEquals(3, seenInside.get(), "the notice was queued inside the transaction");
        assertEquals(2, Outboxes.of(id).size(), "and is gone with its rollback");
        assertTrue(staff().get("/orders/{id}/timeline", id).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'NOTICE' }.note", String.class).stream()
                .noneMatch(n -> n.contains("owner-detail questions")));
    }
}
