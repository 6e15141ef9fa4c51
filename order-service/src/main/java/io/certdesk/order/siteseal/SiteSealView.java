package io.certdesk.order.siteseal;

import io.certdesk.order.platform.OrderId;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A site-seal task as the API shows it. */
@Schema(name = "SiteSealTask")
public record SiteSealView(OrderId orderId, SiteSealStatus status, @Schema(nullable = true) String placement,
        @Schema(nullable = true) String note, Instant updatedAt, String updatedBy) {

    static SiteSealView of(SiteSealTask t) {
        return new SiteSealView(OrderId.of(t.orderId), t.status, t.placement, t.note, t.updatedAt, t.updatedBy);
    }
}
