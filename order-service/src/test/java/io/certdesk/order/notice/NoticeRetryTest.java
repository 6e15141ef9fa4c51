package io.certdesk.order.notice;

import static io.certdesk.order.Fixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Delivery through a real SMTP conversation (the Vert.x mail client against {@link FakeSmtpServer}): a
 * temporary failure is retried and then delivered, a permanent one is given up after the configured attempts,
 * and neither touches the payment that queued the notice.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
@TestProfile(NoticeRetryTest.RealSmtp.class)
class NoticeRetryTest {

    /** Mails go over SMTP to the fake server; retries come after 1s, 2s, and the third attempt is the last. */
    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false",
                    "certdesk.notices.outbox.max-attempts", "3",
                    "certdesk.notices.outbox.first-retry-delay", "1s",
                    "certdesk.notices.outbox.max-retry-delay", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpResource.class));
        }
    }

    /** Starts the fake SMTP server and points the mailer at it. */
    public static class SmtpResource implements QuarkusTestResourceLifecycleManager {
        static volatile FakeSmtpServer server;

        @Override
        public Map<String, String> start() {
            server = new FakeSmtpServer();
            return Map.of("quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(server.port()),
                    "quarkus.mailer.tls", "false",
                    "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.login", "DISABLED");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aTemporaryFailureIsRetriedAndThenDelivered() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        String to = o.customer().getString("noticeEmail");
        SmtpResource.server.failTemporarily(to, 1);

        // the invoice is the first notice: its PDF goes out on the second attempt
        Fixtures.advance(o, "DV", "INVOICED");
        String number = staff().get("/orders/{id}/invoice", id).then().extract().path("number");

        OutboxNotice notice = Outboxes.settled(id).get(0);
        assertNotNull(notice.sentAt, "delivered on the second attempt");
        assertEquals(2, notice.attempts);
        assertTrue(notice.lastError.contains("451"), notice.lastError);
        List<FakeSmtpServer.Received> received = SmtpResource.server.receivedBy(to);
        assertEquals(1, received.size());
        assertTrue(received.get(0).data().contains("To: " + to), received.get(0).data());
        assertTrue(received.get(0).data().contains("application/pdf") && received.get(0).data().contains(number + ".pdf"),
                "the PDF is attached");
        List<String> notes = staff().get("/orders/{id}/timeline", id).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'NOTICE' }.note");
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("Could not mail invoice " + number + " (PDF) to "
                + to + " (attempt 1 of 3); retrying after "), notes.get(0));
        assertEquals("Mailed invoice " + number + " (PDF) to " + to, notes.get(1));
    }

    @Test
    void aRefusedRecipientIsGivenUpAfterTheLastAttemptAndThePaymentStands() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        String to = o.customer().getString("noticeEmail");
        SmtpResource.server.reject(to);

        Fixtures.advance(o, "DV", "PAID");

        OutboxNotice notice = Outboxes.settled(id).stream()
                .filter(n -> n.kind == io.certdesk.order.notice.NoticeKind.PAYMENT_CONFIRMED).findFirst().orElseThrow();
        assertNull(notice.sentAt);
        assertNotNull(notice.gaveUpAt);
        assertEquals(3, notice.attempts);
        assertTrue(notice.lastError.contains("550"), notice.lastError);
        assertEquals(List.of(), SmtpResource.server.receivedBy(to));
        List<String> notes = staff().get("/orders/{id}/timeline", id).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'NOTICE' }.note", String.class).stream()
                .filter(n -> n.contains("payment confirmation")).toList();
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(1).contains("(attempt 2 of 3)"), notes.get(1));
        assertEquals("FAILED to mail payment confirmation and application-start notice to " + to
                + " after 3 attempts; follow up by hand", notes.get(2));
        staff().get("/orders/{id}", id).then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("PAID"));
    }
}
