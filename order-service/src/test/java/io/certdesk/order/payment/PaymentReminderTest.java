package io.certdesk.order.payment;

import static io.certdesk.order.Fixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.notice.NoticeKind;
import io.certdesk.order.notice.Outboxes;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;

/** An invoice still open after its due date is reminded once, on a business day; a paid one never. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class PaymentReminderTest {

    @Inject
    PaymentReminders reminders;

    @Inject
    Pool db;

    private int run(LocalDate day) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> reminders.run(day));
    }

    private void overdue(long orderId) {
        db.preparedQuery("update invoice set issue_date = $2, due_date = $3 where order_id = $1")
                .execute(Tuple.of(orderId, LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 20))).await().indefinitely();
    }

    @Test
    void anOverdueInvoiceIsRemindedOnceOnABusinessDayAndAPaidOneNever() throws Throwable {
        Fixtures.Created open = Fixtures.newOrder("DV", true, null);
        Fixtures.advance(open, "DV", "INVOICED");
        overdue(open.orderId());
        Fixtures.Created paid = Fixtures.newOrder("DV", true, null);
        Fixtures.advance(paid, "DV", "PAID");
        overdue(paid.orderId());

        LocalDate sunday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        assertEquals(0, run(sunday), "no reminders on a Sunday");
        assertEquals(0, Outboxes.of(open.orderId(), NoticeKind.PAYMENT_REMINDER).size());

        LocalDate businessDay = Fixtures.nextBusinessDay();
        assertTrue(run(businessDay) >= 1);
        var reminded = Outboxes.of(open.orderId(), NoticeKind.PAYMENT_REMINDER);
        assertEquals(1, reminded.size());
        String body = reminded.get(0).body;
        assertTrue(body.contains("お支払期限を過ぎて") && body.contains("2020年1月20日") && body.contains("未入金額")
                && body.contains("さくら銀行"), body);
        assertEquals(0, Outboxes.of(paid.orderId(), NoticeKind.PAYMENT_REMINDER).size(), "a paid invoice is not reminded");

        // the same day again, or the next: reminded once
        run(businessDay);
        run(Fixtures.calendar().plus(businessDay, 1));
        assertEquals(1, Outboxes.of(open.orderId(), NoticeKind.PAYMENT_REMINDER).size());
        staff().get("/orders/{id}/timeline", open.orderId()).then().body("items.note",
                org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Payment reminder queued")));
    }
}
