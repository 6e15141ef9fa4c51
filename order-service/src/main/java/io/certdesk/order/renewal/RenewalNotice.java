package io.certdesk.order.renewal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** One notice of one window for one term, claimed by the job in the transaction that queued its mail. */
@Entity
@Table(name = "renewal_notice")
@IdClass(RenewalNotice.Key.class)
public class RenewalNotice {

    @Id
    @Column(name = "term_id")
    public Long termId;

    @Id
    @Column(name = "window_days")
    public Integer windowDays;

    @Column(name = "noticed_on", nullable = false)
    public LocalDate noticedOn;

    @Column(name = "quote_id")
    public Long quoteId;

    @Column(name = "outbox_id")
    public Long outboxId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Composite key. */
    public static class Key implements Serializable {
        public Long termId;
        public Integer windowDays;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(termId, k.termId) && Objects.equals(windowDays, k.windowDays);
        }

        @Override
        public int hashCode() {
            return Objects.hash(termId, windowDays);
        }
    }
}
