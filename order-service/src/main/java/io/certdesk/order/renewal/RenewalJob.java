package io.certdesk.order.renewal;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The daily renewal run (09:00 Asia/Tokyo by default): asks ACME CAs when to replace their certificates, starts the
 * reissues due by the end of the day, alerts staff about certificates expiring without a deployed replacement, and
 * sends the renewal notices due that day. Each part claims its rows with a key or a lock, so a second instance
 * running at the same moment, or a rerun after a crash, repeats nothing and misses nothing.
 */
@ApplicationScoped
public class RenewalJob {

    private final Clock clock;
    private final RenewalAdvice advice;
    private final Reissues reissues;
    private final RenewalNotices notices;

    public RenewalJob(Clock clock, RenewalAdvice advice, Reissues reissues, RenewalNotices notices) {
        this.clock = clock;
        this.advice = advice;
        this.reissues = reissues;
        this.notices = notices;
    }

    /** What one run did. */
    public record Result(LocalDate date, int termsDue, int noticesQueued, int renewalInfoChecked, int reissuesStarted,
            int staffAlerts, long millis) {
    }

    @Scheduled(cron = "${certdesk.renewals.cron:0 0 9 * * ?}", timeZone = "Asia/Tokyo", identity = "renewal-notices",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return run(LocalDate.now(clock.withZone(Terms.TOKYO)), null)
                .invoke(r -> Log.infof("Renewals for %s: %d term(s) due, %d notice(s) queued, %d renewal information "
                        + "check(s), %d reissue(s) started, %d staff alert(s), in %d ms", r.date(), r.termsDue(),
                        r.noticesQueued(), r.renewalInfoChecked(), r.reissuesStarted(), r.staffAlerts(), r.millis()))
                .onFailure().invoke(e -> Log.errorf(e, "The renewal run failed; the next run does what is due"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * The run of {@code today} (Asia/Tokyo), for one customer or (null) all. A run for another day than today (tests,
     * the demo, a support engineer replaying a day) sees that day at 09:00.
     */
    public Uni<Result> run(LocalDate today, String customerId) {
        long started = System.nanoTime();
        Instant moment = today.equals(LocalDate.now(clock.withZone(Terms.TOKYO))) ? clock.instant()
                : today.atTime(9, 0).atZone(Terms.TOKYO).toInstant();
        int[] done = new int[3];
        return advice.refresh(moment, customerId).invoke(n -> done[0] = n)
                .flatMap(n -> reissues.start(ReissuePlan.endOf(today), customerId)).invoke(n -> done[1] = n)
                .flatMap(n -> reissues.alert(moment, customerId)).invoke(n -> done[2] = n)
                .flatMap(n -> notices.send(today, customerId))
                .map(counts -> new Result(today, counts[0], counts[1], done[0], done[1], done[2],
                        (System.nanoTime() - started) / 1_000_000));
    }
}
