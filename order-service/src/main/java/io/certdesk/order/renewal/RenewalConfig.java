package io.certdesk.order.renewal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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

    /** Reissues inside a paid term: the lifetimes certificates may have and when one is replaced. */
    Reissue reissue();

    /** When a term's certificate is replaced by a new one, free of charge, while the term runs. */
    interface Reissue {

        /**
         * The longest lifetime in days a publicly trusted TLS certificate may have, by the day it is issued
         * (Asia/Tokyo), as {@code DATE=DAYS} entries: from each date on, its days apply. The defaults are the
         * CA/Browser Forum's ballot SC-081 steps (398 days before 2026-03-15, then 200, 100 and 47).
         */
        @WithDefault("2020-09-01=398,2026-03-15=200,2027-03-15=100,2029-03-15=47")
        List<String> maxLifetime();

        /** A certificate is replaced when this share of its lifetime is left: a fraction such as 1/3, or 0.25. */
        @WithDefault("1/3")
        String whenLeft();

        /** ...and never later than this many days before it expires. */
        @WithDefault("14")
        int latestDaysBefore();

        /**
         * How long the CA honours an organisation's validation (subject identity data may be reused for 398 days):
         * an OV/EV order that passes its documents and call makes its customer validated until that many days on.
         */
        @WithDefault("398")
        int organisationValidationDays();

        /** Staff are alerted when a term's certificate expires within these days and no replacement is deployed. */
        @WithDefault("10")
        int alertDaysBefore();

        /** ACME: how often the CA's renewal information is asked again when it names no time itself. */
        @WithDefault("6h")
        Duration ariEvery();

        /** ACME: terms whose renewal information is asked per run. */
        @WithDefault("200")
        int ariBatchSize();
    }
}
