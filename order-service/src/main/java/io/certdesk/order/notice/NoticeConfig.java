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

    /** Where alerts for staff go (a certificate about to expire without its replacement deployed). */
    @WithDefault("ssl-desk@certdesk.example")
    String staffEmail();

    /** Delivery of queued notices by {@link NoticeSender}. */
    Outbox outbox();

    /** The business signature under every notice: the issuer's name, then these lines. */
    Signature signature();

    /** Who the customer can reach; lines without a value are left out. */
    interface Signature {

        /** The department that answers, e.g. SSL証明書サポート窓口. */
        @WithDefault("SSL証明書サポート窓口")
        String department();

        /** Its phone number, e.g. 03-1234-5678. */
        java.util.Optional<String> phone();

        /** When it answers, e.g. 平日 10:00〜18:00（土日祝・年末年始を除く）. */
        java.util.Optional<String> hours();

        /** Where customers write to, e.g. ssl-support@example.co.jp. */
        java.util.Optional<String> email();
    }

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
