package io.certdesk.order.renewal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** When renewal notices go out. Days are calendar days in Asia/Tokyo. */
@ConfigMapping(prefix = "certdesk.renewals")
public interface RenewalConfig {

    /** When the notice job runs (Quartz-style cron, Asia/Tokyo): daily at 09:00 by default. */
    @WithDefault("0 0 9 * * ?")
    String cron();

    /** Days before the end of a term on which a notice goes out: a month ahead, as the service promises, and reminders. */
    @WithDefault("30,14,7")
    List<Integer> noticeDays();

    /** Days after the end of a term on which a last notice goes out when nothing was renewed. */
    @WithDefault("1")
    List<Integer> afterEndDays();

    /** How many days late a missed run still sends the newest notice that became due (the job was down). */
    @WithDefault("7")
    int catchUpDays();

    /** Terms claimed per transaction. */
    @WithDefault("1000")
    int batchSize();

    /**
     * Whether staff may run the job for a given date through {@code POST /renewals/runs} (tests, the demo, a
     * support engineer replaying a missed day); off in production unless an operator turns it on.
     */
    @WithDefault("false")
    boolean manualRuns();
}
