package io.certdesk.order.metrics;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes at /q/metrics is what the database holds, and a renewal under way clears the alert's figure. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class BusinessMetricsTest {

    @Inject
    Pool db;

    @Inject
    BusinessMetrics metrics;

    @Test
    void theScrapedFiguresAreTheDatabasesAndARenewalUnderWayClearsTheUrgentCount() {
        Fixtures.Created o = Fixtures.newOrder("DV", false, null);
        metrics.refresh().await().indefinitely();
        String before = scrape();
        long urgentBefore = value(before, "certdesk_certificates_expiring_without_renewal{within=\"14d\"}");
        long weekTwoBefore = value(before, "certdesk_certificates_by_days_to_expiry{days=\"8-14\"}");
        // its paid term's certificate expires in ten days and nothing renews it
        db.preparedQuery("insert into certificate_term (customer_id, order_id, product_code, domain, server_id, starts_on, "
                        + "ends_on, certificate_id, certificate_expires_at, state, created_at, issuer) select customer_id, id, "
                        + "product_code, domain, server_id, current_date - 355, current_date + 10, $2, now() + interval '10 days', "
                        + "'ACTIVE', now(), issuer from orders where id = $1")
                .execute(Tuple.of(o.orderId(), Fixtures.certificateId(o.orderId()))).await().indefinitely();

        metrics.refresh().await().indefinitely();
        String scrape = scrape();
        for (Row r : db.query("select state, count(*) as n from orders group by state").execute().await().indefinitely()) {
            assertEquals(r.getLong("n"), value(scrape, "certdesk_orders{state=\"" + r.getString("state") + "\"}"),
                    "orders in " + r.getString("state"));
        }
        assertEquals(count("select count(*) from orchestration_step where status = 'PARKED'"),
                value(scrape, "certdesk_orchestration_steps_parked"));
        assertEquals(count("select count(*) from notice_outbox where gave_up_at is not null"),
                value(scrape, "certdesk_notices_given_up"));
        String urgentSql = "select count(*) from certificate_term t left join orders r on r.id = t.renewal_order_id "
                + "where t.state = 'ACTIVE' and t.certificate_expires_at >= now() and t.certificate_expires_at < now() + "
                + "interval '14 days' and (t.renewal_order_id is null or r.state = 'CANCELLED')";
        long urgent = count(urgentSql);
        assertTrue(urgent >= 1);
        // the one term just written, counted by the figures themselves (not by a copy of their query)
        assertEquals(urgentBefore + 1, urgent);
        assertEquals(weekTwoBefore + 1, value(scrape, "certdesk_certificates_by_days_to_expiry{days=\"8-14\"}"));
        assertEquals(urgent, value(scrape, "certdesk_certificates_expiring_without_renewal{within=\"14d\"}"));
        assertTrue(value(scrape, "certdesk_certificates_by_days_to_expiry{days=\"8-14\"}") >= 1, scrape);
        assertEquals(count("select count(*) from certificate_term where state = 'ACTIVE' and certificate_expires_at is not null"),
                value(scrape, "certdesk_certificates_by_days_to_expiry{days=\"expired\"}")
                        + value(scrape, "certdesk_certificates_by_days_to_expiry{days=\"0-7\"}")
                        + value(scrape, "certdesk_certificates_by_days_to_expiry{days=\"8-14\"}")
                        + value(scrape, "certdesk_certificates_by_days_to_expiry{days=\"15-30\"}")
                        + value(scrape, "certdesk_certificates_by_days_to_expiry{days=\"31-60\"}")
                        + value(scrape, "certdesk_certificates_by_days_to_expiry{days=\"61+\"}"));

        // an order is linked as the term's renewal (as a renewal quote's order is): the term no longer counts
        String product = Fixtures.createProduct("DV", 38_500, "LOCAL");
        String quoteId = Fixtures.quote(o.customerId(), product, "NEW", Fixtures.domain(), o.serverId()).getString("id");
        customer(o.customerId()).post("/quotes/{id}/accept", quoteId).then().statusCode(200);
        long renewal = staff().body(Map.of("quoteId", quoteId)).post("/orders").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        db.preparedQuery("update certificate_term set renewal_order_id = $1 where order_id = $2")
                .execute(Tuple.of(renewal, o.orderId())).await().indefinitely();
        metrics.refresh().await().indefinitely();
        assertEquals(urgent - 1, value(scrape(), "certdesk_certificates_expiring_without_renewal{within=\"14d\"}"));
    }

    private static String scrape() {
        // like /q/health, the metrics need no token: the network policy lets only Prometheus reach them
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static long value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        assertTrue(m.find(), series + " is not in the scrape:\n" + scrape.lines().filter(l -> l.startsWith("certdesk_"))
                .reduce("", (a, b) -> a + b + "\n"));
        return (long) Double.parseDouble(m.group(1));
    }

    private long count(String sql) {
        return db.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
