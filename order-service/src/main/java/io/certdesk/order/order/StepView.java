package io.certdesk.order.order;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An orchestration step as the API shows it. */
@Schema(name = "OrderStep")
public record StepView(
        StepId id,
        StepKind kind,
        StepStatus status,
        @Schema(description = "How many times it was started") int attempts,
        @Schema(description = "Consecutive failures; the step parks when they reach the configured limit") int failures,
        @Schema(description = "When it runs next (PENDING only)", nullable = true) Instant nextAttemptAt,
        @Schema(description = "The last failure, or for a parked step why it stopped", nullable = true) String lastError,
        @Schema(description = "The trace id of the last attempt: the services' log lines of its calls name it",
                nullable = true) String traceId,
        Instant createdAt,
        @Schema(nullable = true) Instant finishedAt) {

    public static StepView of(OrderStep s) {
        return new StepView(StepId.of(s.id), s.kind, s.status, s.attempts, s.failures, s.nextAttemptAt, s.lastError, s.traceId,
                s.createdAt, s.finishedAt);
    }
}
