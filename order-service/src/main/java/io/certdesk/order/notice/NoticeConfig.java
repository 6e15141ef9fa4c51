package io.certdesk.order.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Where customer notices come from and how the outbox delivers them. */
@ConfigMapping(prefix = "certdesk.notices")
public interface NoticeConfig {

    /** Sender address of notices to customers. */
    @WithDefault("ssl-support@certdesk.example")
    String from();

    /** Delivery of queued notices by {@link NoticeSender}. */
    Outbox outbox();

    /** How the outbox is drained and failed mails retried. */
    interface Outbox {

        /** How often the sender looks for due notices. */
        @WithDefault("5s")
        Duration every();

        /** Notices claimed per transaction; a run keeps claiming while it finds full batches. */
        @WithDefault("10")
        @Min(1)
        int batchSize();

        /** Delivery attempts before a notice is given up and left for staff to follow up by hand. */
        @WithDefault("10")
        @Min(1)
        int maxAttempts();

        /** Wait after the first failed attempt; it doubles with each further failure. */
        @WithDefault("30s")
        Duration firstRetryDelay();

        /** Upper bound of the wait between attempts. */
        @WithDefault("1h")
        Duration maxRetryDelay();

        /**
         * How long one mail may take before the attempt counts as failed. A claimed batch stays reserved for
         * its replica for (batch size + 1) × this, so a notice is claimed again only after its sender died.
         */
        @WithDefault("1m")
        Duration sendTimeout();
    }
}
