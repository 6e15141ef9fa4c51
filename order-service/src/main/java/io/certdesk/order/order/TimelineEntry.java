package io.certdesk.order.order;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of an order's timeline. */
@Schema(name = "TimelineEntry")
public record TimelineEntry(
        @Schema(description = "When it happened") Instant occurredAt,
        @Schema(description = "Who did it: a token subject, or the service itself") String actor,
        OrderEvent.Kind kind,
        @Schema(description = "For transitions: the command that moved the order", nullable = true) OrderCommand command,
        @Schema(nullable = true) OrderState fromState,
        @Schema(nullable = true) OrderState toState,
        @Schema(nullable = true) String note) {

    public static TimelineEntry of(OrderEvent e) {
        return new TimelineEntry(e.at, e.actor, e.kind, e.command, e.fromState, e.toState, e.note);
    }
}
