package io.certdesk.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One remote step of an order: decided in a transaction, run later by the orchestration dispatcher. */
@Entity
@Table(name = "orchestration_step")
public class OrderStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public long orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public StepKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public StepStatus status;

    /** How many times a dispatcher claimed it. */
    @Column(nullable = false)
    public int attempts;

    /** Consecutive failed attempts; the step parks when they reach the configured limit. */
    @Column(nullable = false)
    public int failures;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** The trace of the last attempt (W3C trace id), as every log line of its calls names it. */
    @Column(name = "trace_id", length = 32)
    public String traceId;

    @Column(name = "last_error", length = 2000)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;
}
