package io.certdesk.order.renewal;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The renewal notices against the real database: the windows open on their day, each notice is claimed, quoted and
 * mailed once (also under two runs at the same moment and after a run that died), and the drafted quote becomes the
 * RENEWAL order of the term. Terms are written here as issuance writes them (one per order); the run is asked for a
 * date, so nothing sleeps. Dates lie in 2031, after everything else the tests create.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class RenewalNoticeTest {

    @Inject
    Pool db;

    /** An INSTALLED-like order's term ending on {@code endsOn}; answers the term id. */
    private long term(Fixtures.Created o, LocalDate endsOn) {
        return db.preparedQuery("insert into certificate_term (customer_id, order_id, product_code, domain, server_id, "
                        + "starts_on, ends_on, certificate_id, state, created_at, issuer) select customer_id, id, product_code, "
                        + "domain, server_id, $2, $3, $4, 'ACTIVE', now(), issuer from orders where id = $1 returning id")
                .execute(Tuple.of(o.orderId(), endsOn.minusYears(1).plusDays(1), endsOn, Fixtures.certificateId(o.orderId())))
                .await().indefinitely().iterator().next().getLong("id");
    }

    /** The run of {@code date} for one customer's terms: the other test classes' terms are left alone. */
    private static JsonPath run(LocalDate date, String customerId) {
        return staff().body(Map.of("runDate", date.toString(), "customerId", customerId)).post("/renewals/runs").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Another order of the customer of {@code first}, for another domain on the same server. */
    private static long anotherOrder(Fixtures.Created first) {
        String product = Fixtures.createProduct("DV", 38_500, "LOCAL");
        String quoteId = Fixtures.quote(first.customerId(), product, "NEW", Fixtures.domain(), first.serverId()).getString("id");
        customer(first.customerId()).post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        return staff().body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long count(String sql, Object... params) {
        Row row = db.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().indefinitely().iterator().next();
        return row.getLong(0);
    }

    private List<Map<String, Object>> notices(long orderId) {
        return staff().queryParam("size", 200).get("/orders/{id}/notices", orderId).then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    @Test
    void eachWindowOpensOnItsDayAndSendsOneNoticeWithAQuote() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        LocalDate end = LocalDate.of(2031, 1, 31);
        long term = term(o, end);

        run(LocalDate.of(2030, 12, 31), o.customerId());
        assertEquals(0, count("select count(*) from renewal_notice where term_id = $1", term), "31 days ahead is too early");
        run(LocalDate.of(2031, 1, 1), o.customerId());
        run(LocalDate.of(2031, 1, 1), o.customerId());
        run(LocalDate.of(2031, 1, 10), o.customerId());
        assertEquals(1, count("select count(*) from renewal_notice where term_id = $1", term));

        JsonPath renewal = staff().queryParam("customerId", o.customerId()).get("/renewals").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].endDate", equalTo("2031-01-31"))
                .body("items[0].status", equalTo("ACTIVE")).body("items[0].notices[0].windowDays", equalTo(30))
                .body("items[0].notices[0].noticeDate", equalTo("2031-01-01")).extract().jsonPath();
        String quoteId = renewal.getString("items[0].notices[0].quoteId");
        // the product's CA fee and today's renewal setup fee, tax contained, frozen in a RENEWAL quote of the customer
        customer(o.customerId()).get("/quotes/{id}", quoteId).then().statusCode(200)
                .body("type", equalTo("RENEWAL")).body("status", equalTo("OPEN")).body("domain", equalTo(o.domain()))
                .body("applicationFeeJpy", equalTo(38_500)).body("setupFeeJpy", equalTo(10_500))
                .body("totalJpy", equalTo(49_000)).body("containedTaxJpy", equalTo(4_454))
                .body("renewalTermId", equalTo(String.valueOf(term)));
        List<Map<String, Object>> mails = notices(o.orderId());
        Map<String, Object> mail = mails.stream().filter(m -> "RENEWAL_DUE".equals(m.get("kind"))).findFirst().orElseThrow();
        assertEquals(o.customer().getString("noticeEmail"), mail.get("recipient"));
        assertTrue(String.valueOf(mail.get("subject")).contains("更新のご案内") && String.valueOf(mail.get("subject"))
                .contains(o.domain()) && String.valueOf(mail.get("subject")).contains("2031年1月31日満了"), mail.toString());
        String body = String.valueOf(mail.get("body"));
        assertTrue(body.contains("残り30日") && body.contains("お見積り番号　　：" + quoteId) && body.contains("49,000円")
                && body.contains("うち消費税等4,454円") && body.contains("翌日から始まります"), body);

        run(LocalDate.of(2031, 1, 17), o.customerId());
        run(LocalDate.of(2031, 1, 24), o.customerId());
        run(LocalDate.of(2031, 1, 31), o.customerId());
        run(LocalDate.of(2031, 2, 1), o.customerId());
        run(LocalDate.of(2031, 2, 2), o.customerId());
        assertEquals(List.of(30, 14, 7, -1), staff().queryParam("customerId", o.customerId()).get("/renewals").then()
                .extract().jsonPath().getList("items[0].notices.windowDays"));
        assertEquals(3, notices(o.orderId()).stream().filter(m -> "RENEWAL_DUE".equals(m.get("kind"))).count());
        Map<String, Object> ended = notices(o.orderId()).stream().filter(m -> "TERM_ENDED".equals(m.get("kind")))
                .findFirst().orElseThrow();
        assertTrue(String.valueOf(ended.get("subject")).contains("満了のお知らせ")
                && String.valueOf(ended.get("body")).contains("をもって満了いたしました"), ended.toString());
        // staff see it among the terms that ended without renewal in that month
        staff().queryParam("customerId", o.customerId()).queryParam("endDateFrom", "2031-01-01")
                .queryParam("endDateTo", "2031-01-31").get("/renewals").then().body("total", equalTo(1));
        // the timeline says what was sent
        staff().get("/orders/{id}/timeline", o.orderId()).then()
                .body("items.note", org.hamcrest.Matchers.hasItem(containsString("Renewal notice queued (renewal due 2031-01-31 (30 days before)")));
    }

    @Test
    void twoRunsAtTheSameMomentSendEachNoticeOnce() throws Exception {
        LocalDate end = LocalDate.of(2031, 3, 20);
        List<Long> terms = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        Fixtures.Created first = Fixtures.newOrder("DV", true, null);
        orders.add(first.orderId());
        terms.add(term(first, end));
        for (int i = 1; i < 12; i++) {
            long id = anotherOrder(first);
            orders.add(id);
            terms.add(term(new Fixtures.Created(id, first.customerId(), first.customer(), first.serverId(), null), end));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonPath>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> run(end.minusDays(30), first.customerId())));
            }
            for (Future<JsonPath> r : runs) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Long[] ids = terms.toArray(Long[]::new);
        assertEquals(12, count("select count(*) from renewal_notice where term_id = any($1)", (Object) ids));
        assertEquals(12, count("select count(*) from quote where renewal_term_id = any($1)", (Object) ids));
        assertEquals(12, count("select count(*) from notice_outbox where kind = 'RENEWAL_DUE' and order_id = any($1)",
                (Object) orders.toArray(Long[]::new)));
    }

    @Test
    void aRunThatDiesBeforeCommittingLeavesNothingAndTheRerunSendsIt() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        LocalDate end = LocalDate.of(2031, 5, 15);
        long term = term(o, end);
        db.query("create or replace function fail_outbox() returns trigger language plpgsql as $$ begin "
                + "if new.order_id = " + o.orderId() + " then raise exception 'mail store down'; end if; return new; end $$")
                .execute().await().indefinitely();
        db.query("create trigger fail_outbox before insert on notice_outbox for each row execute function fail_outbox()")
                .execute().await().indefinitely();
        try {
            staff().body(Map.of("runDate", end.minusDays(30).toString(), "customerId", o.customerId())).post("/renewals/runs")
                    .then().statusCode(500)
                    .contentType("application/problem+json");
            assertEquals(0, count("select count(*) from renewal_notice where term_id = $1", term), "the claim rolled back");
            assertEquals(0, count("select count(*) from quote where renewal_term_id = $1", term), "so did the quote");
        } finally {
            db.query("drop trigger fail_outbox on notice_outbox").execute().await().indefinitely();
        }
        run(end.minusDays(29), o.customerId());
        assertEquals(1, count("select count(*) from renewal_notice where term_id = $1", term));
        assertEquals(1, count("select count(*) from notice_outbox where kind = 'RENEWAL_DUE' and order_id = $1", o.orderId()));
    }

    @Test
    void theDraftedQuoteBecomesTheRenewalOrderAndStopsTheNotices() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        LocalDate end = LocalDate.of(2031, 7, 31);
        long term = term(o, end);
        run(end.minusDays(30), o.customerId());
        String quoteId = staff().queryParam("customerId", o.customerId()).get("/renewals").then().extract().jsonPath()
                .getString("items[0].notices[0].quoteId");

        Fixtures.Created other = Fixtures.newOrder("DV", true, null);
        customer(other.customerId()).post("/quotes/{id}/accept", quoteId).then().statusCode(404);
        customer(o.customerId()).post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        // the term's certificate is the one renewed; naming another is refused
        staff().body(Map.of("quoteId", quoteId, "renewsCertificateId", UUID.randomUUID().toString())).post("/orders")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("renewsCertificateId"));
        long renewal = customer(o.customerId()).body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(201)
                .body("type", equalTo("RENEWAL")).body("renewsCertificateId", equalTo(Fixtures.certificateId(o.orderId())))
                .extract().jsonPath().getLong("id");
        staff().queryParam("customerId", o.customerId()).get("/renewals").then()
                .body("items[0].status", equalTo("RENEWAL_UNDER_WAY")).body("items[0].renewalOrderId", equalTo(String.valueOf(renewal)));
        customer(o.customerId()).queryParam("status", "RENEWAL_UNDER_WAY").get("/renewals").then().statusCode(200)
                .body("total", equalTo(1));
        customer(other.customerId()).queryParam("customerId", o.customerId()).get("/renewals").then().statusCode(200)
                .body("total", equalTo(0));

        // under way: the next window sends nothing
        run(end.minusDays(14), o.customerId());
        assertEquals(1, count("select count(*) from renewal_notice where term_id = $1", term));
        // billed like any order: the CA fee and the renewal setup fee
        Fixtures.command(renewal, "contract");
        Fixtures.command(renewal, "invoice");
        staff().get("/orders/{id}/invoice", renewal).then().body("lines.amountJpy",
                org.hamcrest.Matchers.contains(38_500, 10_500)).body("totalJpy", equalTo(49_000));
        // a renewal that is cancelled lets the notices resume
        staff().body(Map.of("note", "customer changed their mind")).post("/orders/{id}/cancel", renewal).then().statusCode(200);
        run(end.minusDays(7), o.customerId());
        assertEquals(2, count("select count(*) from renewal_notice where term_id = $1", term));
    }

    @Test
    void aRenewalsCertificateStartsTheNextTermTheDayAfterTheOldOneEnds() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        LocalDate end = LocalDate.of(2031, 9, 30);
        term(o, end);
        run(end.minusDays(30), o.customerId());
        String quoteId = staff().queryParam("customerId", o.customerId()).get("/renewals").then().extract().jsonPath()
                .getString("items[0].notices[0].quoteId");
        customer(o.customerId()).post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        long renewal = customer(o.customerId()).body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Fixtures.Created r = new Fixtures.Created(renewal, o.customerId(), o.customer(), o.serverId(), o.domain());
        Fixtures.advance(r, "DV", "PAID");
        Fixtures.command(renewal, "start-application");
        Fixtures.awaitState(renewal, "ISSUED");
        // paid early, nothing lost: the new term begins the day after the old one ends, for the product's 12 months
        JsonPath terms = staff().queryParam("customerId", o.customerId()).queryParam("sort", "endDate").get("/renewals")
                .then().statusCode(200).body("total", equalTo(2)).extract().jsonPath();
        assertEquals("RENEWED", terms.getString("items[0].status"));
        assertEquals("2031-09-30", terms.getString("items[0].endDate"));
        assertEquals("ACTIVE", terms.getString("items[1].status"));
        assertEquals("2031-10-01", terms.getString("items[1].startDate"));
        assertEquals("2032-09-30", terms.getString("items[1].endDate"));
        assertEquals(String.valueOf(renewal), terms.getString("items[1].orderId"));
        assertEquals(Fixtures.order(renewal).getString("certificate.id"), terms.getString("items[1].certificateId"));
        // a renewed term gets no more notices
        run(end.minusDays(7), o.customerId());
        assertEquals(1, staff().queryParam("customerId", o.customerId()).queryParam("status", "RENEWED").get("/renewals")
                .then().extract().jsonPath().getList("items[0].notices").size());
    }

    @Test
    void staffSeeTermsThatEndedWithoutRenewal() {
        Fixtures.Created ended = Fixtures.newOrder("DV", true, null);
        Fixtures.Created running = Fixtures.newOrder("DV", true, null);
        LocalDate today = LocalDate.now(Terms.TOKYO);
        term(ended, today.minusDays(3));
        term(running, today.plusDays(90));
        staff().queryParam("customerId", ended.customerId()).queryParam("status", "EXPIRED").get("/renewals").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].daysLeft", equalTo(-3))
                .body("items[0].status", equalTo("EXPIRED"));
        staff().queryParam("customerId", ended.customerId()).queryParam("status", "ACTIVE").get("/renewals").then()
                .body("total", equalTo(0));
        staff().queryParam("customerId", running.customerId()).queryParam("status", "ACTIVE").get("/renewals").then()
                .body("total", equalTo(1)).body("items[0].daysLeft", equalTo(90));
        staff().queryParam("status", "EXPIRED").queryParam("size", 200).get("/renewals").then().statusCode(200)
                .body("items.customerId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(running.customerId())));
    }

    @Test
    void aCertificateAboutToExpireWithoutItsReplacementDeployedAlertsStaffOnce() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        LocalDate end = LocalDate.of(2032, 3, 31);
        long term = term(o, end);
        // its certificate expires on 2031-11-20, long before the term ends; a reissue is under way but not deployed
        db.preparedQuery("update certificate_term set certificate_expires_at = $2, certificate_valid_from = $3, "
                + "reissue_at = $4, reissue_order_id = order_id where id = $1").execute(Tuple.of(term,
                        java.time.OffsetDateTime.parse("2031-11-20T00:00:00+09:00"),
                        java.time.OffsetDateTime.parse("2031-08-12T00:00:00+09:00"),
                        java.time.OffsetDateTime.parse("2031-10-17T00:00:00+09:00"))).await().indefinitely();
        // 11 days before: not yet
        assertEquals(0, run(LocalDate.of(2031, 11, 9), o.customerId()).getInt("staffAlerts"));
        // 10 days before (the default): staff are told, once
        assertEquals(1, run(LocalDate.of(2031, 11, 10), o.customerId()).getInt("staffAlerts"));
        assertEquals(0, run(LocalDate.of(2031, 11, 11), o.customerId()).getInt("staffAlerts"));
        Map<String, Object> alert = notices(o.orderId()).stream().filter(m -> "STAFF_ALERT".equals(m.get("kind")))
                .findFirst().orElseThrow();
        assertEquals("ssl-desk@certdesk.example", alert.get("recipient"), "staff, not the customer");
        assertTrue(String.valueOf(alert.get("subject")).contains("2031年11月20日") && String.valueOf(alert.get("body"))
                .contains(o.domain()) && String.valueOf(alert.get("body")).contains("残り10日"), alert.toString());
        assertEquals(1, count("select count(*) from notice_outbox where kind = 'STAFF_ALERT' and order_id = $1", o.orderId()));
    }

    @Test
    void anAcmeCaThatCannotBeAskedIsAskedAgainLaterAndItsCertificateKeepsItsUsualTime() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long term = term(o, LocalDate.of(2032, 6, 30));
        java.time.OffsetDateTime reissueAt = java.time.OffsetDateTime.parse("2031-12-01T00:00:00+09:00");
        db.preparedQuery("update certificate_term set issuer = 'ACME', certificate_expires_at = $2, certificate_valid_from = $3, "
                + "reissue_at = $4, ari_check_at = $3 where id = $1").execute(Tuple.of(term,
                        java.time.OffsetDateTime.parse("2032-01-01T00:00:00+09:00"),
                        java.time.OffsetDateTime.parse("2031-10-01T00:00:00+09:00"), reissueAt)).await().indefinitely();
        // keystore-service knows no such certificate: asked, and asked again after the configured wait
        JsonPath r = run(LocalDate.of(2031, 11, 1), o.customerId());
        assertEquals(1, r.getInt("renewalInfoChecked"));
        assertEquals(0, r.getInt("reissuesStarted"));
        Row after = db.preparedQuery("select reissue_at, ari_check_at from certificate_term where id = $1")
                .execute(Tuple.of(term)).await().indefinitely().iterator().next();
        assertEquals(reissueAt.toInstant(), after.getOffsetDateTime("reissue_at").toInstant());
        assertEquals(LocalDate.of(2031, 11, 1).atTime(9, 0).atZone(Terms.TOKYO).toInstant().plus(java.time.Duration.ofHours(6)),
                after.getOffsetDateTime("ari_check_at").toInstant());
        // the same day again: not due to be asked yet
        assertEquals(0, run(LocalDate.of(2031, 11, 1), o.customerId()).getInt("renewalInfoChecked"));
    }

    @Test
    void manualRunsAndListsAreForStaffAndValidated() {
        customer("C-1").body(Map.of("runDate", "2031-01-01")).post("/renewals/runs").then().statusCode(403);
        staff().body(Map.of("runDate", "1999-01-01")).post("/renewals/runs").then().statusCode(400);
        staff().body(Map.of()).post("/renewals/runs").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("runDate"));
        staff().body(Map.of("runDate", "2031-01-01", "customerId", "C-99999999")).post("/renewals/runs").then()
                .statusCode(404).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem("customerId"));
        staff().body(Map.of("runDate", "2031-01-01", "customerId", "not a customer")).post("/renewals/runs").then()
                .statusCode(400).contentType("application/problem+json");
        staff().queryParam("endDateFrom", "2031-02-01").queryParam("endDateTo", "2031-01-01").get("/renewals").then()
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("endDateTo"));
        staff().queryParam("status", "SOMETIME").get("/renewals").then().statusCode(400);
        TestTokens.as(Roles.DEPLOYER).get("/renewals").then().statusCode(403);
    }
}
