package io.certdesk.order.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The business figures Prometheus scrapes from order-service (at /q/metrics), read from the database every
 * {@code certdesk.metrics.refresh-every} (60 s) rather than per scrape: orders by state, parked orchestration steps,
 * notices given up after their retries, paid certificates by days to expiry, and those within 14 days of expiry with
 * no renewal under way. Every replica reports the same figures; the alerts take their maximum.
 */
@Startup
@ApplicationScoped
public class BusinessMetrics {

    /** Days to the certificate's expiry, as the {@code days} label: expired, then up to 7, 14, 30, 60 days, and more. */
    static final List<String> BUCKETS = List.of("expired", "0-7", "8-14", "15-30", "31-60", "61+");

    private final Pool db;
    private final MultiGauge ordersByState;
    private final MultiGauge certificatesByDays;
    private final AtomicLong parkedSteps = new AtomicLong();
    private final AtomicLong noticesGivenUp = new AtomicLong();
    private final AtomicLong expiringWithoutRenewal = new AtomicLong();

    public BusinessMetrics(Pool db, MeterRegistry registry) {
        this.db = db;
        this.ordersByState = MultiGauge.builder("certdesk.orders").description("Orders by state").register(registry);
        this.certificatesByDays = MultiGauge.builder("certdesk.certificates.by.days.to.expiry")
                .description("Paid terms' certificates still in use, by days until the certificate expires").register(registry);
        Gauge.builder("certdesk.orchestration.steps.parked", parkedSteps, AtomicLong::get)
                .description("Orchestration steps parked for a person (GET /orders/{orderId}/steps, retry)").register(registry);
        Gauge.builder("certdesk.notices.given.up", noticesGivenUp, AtomicLong::get)
                .description("Customer notices given up after their retries, in all").register(registry);
        Gauge.builder("certdesk.certificates.expiring.without.renewal", expiringWithoutRenewal, AtomicLong::get)
                .tags(Tags.of("within", "14d"))
                .description("Certificates in use that expire within 14 days with no renewal order under way").register(registry);
    }

    @Scheduled(every = "${certdesk.metrics.refresh-every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return db.query("select state, count(*) as n from orders group by state").execute()
                .invoke(rows -> {
                    List<MultiGauge.Row<?>> gauges = new ArrayList<>();
                    for (Row r : rows) {
                        gauges.add(MultiGauge.Row.of(Tags.of("state", r.getString("state")), r.getLong("n")));
                    }
                    ordersByState.register(gauges, true);
                })
                .chain(() -> db.query("select (select count(*) from orchestration_step where status = 'PARKED') as parked, "
                        + "(select count(*) from notice_outbox where gave_up_at is not null) as given_up").execute())
                .invoke(rows -> {
                    Row r = rows.iterator().next();
                    parkedSteps.set(r.getLong("parked"));
                    noticesGivenUp.set(r.getLong("given_up"));
                })
                // counted in the database: one row per bucket, however many terms there are
                .chain(() -> db.query("select case when t.certificate_expires_at < now() then 'expired' "
                        + "when t.certificate_expires_at < now() + interval '7 days' then '0-7' "
                        + "when t.certificate_expires_at < now() + interval '14 days' then '8-14' "
                        + "when t.certificate_expires_at < now() + interval '30 days' then '15-30' "
                        + "when t.certificate_expires_at < now() + interval '60 days' then '31-60' else '61+' end as days, "
                        + "count(*) as n, count(*) filter (where t.certificate_expires_at >= now() "
                        + "and t.certificate_expires_at < now() + interval '14 days' "
                        + "and (t.renewal_order_id is null or o.state = 'CANCELLED')) as urgent "
                        + "from certificate_term t left join orders o on o.id = t.renewal_order_id "
                        + "where t.state = 'ACTIVE' and t.certificate_expires_at is not null group by 1").execute())
                .invoke(rows -> {
                    java.util.Map<String, Long> counts = new java.util.HashMap<>();
                    long urgent = 0;
                    for (Row r : rows) {
                        counts.put(r.getString("days"), r.getLong("n"));
                        urgent += r.getLong("urgent");
                    }
                    List<MultiGauge.Row<?>> gauges = new ArrayList<>();
                    for (String bucket : BUCKETS) {
                        gauges.add(MultiGauge.Row.of(Tags.of("days", bucket), counts.getOrDefault(bucket, 0L)));
                    }
                    certificatesByDays.register(gauges, true);
                    expiringWithoutRenewal.set(urgent);
                })
                .replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Business metrics not refreshed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
