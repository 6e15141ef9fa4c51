package io.certdesk.order.order;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of an order's timeline. */
@Schema(name = "TimelineEntry")
public record TimelineEntry(Instant at, String actor, OrderEvent.Kind kind, String command, OrderState fromState,
        OrderState toState, String note) {

    static TimelineEntry of(OrderEvent e) {
        return new TimelineEntry(e.at, e.actor, e.kind, e.command == null ? null : e.command.slug(), e.fromState,
                e.toState, e.note);
    }
}
