package io.certdesk.order.siteseal;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A site-seal task as the API shows it. */
@Schema(name = "SiteSealTask")
public record SiteSealView(long orderId, SiteSealStatus status, String placement, String note, Instant updatedAt,
        String updatedBy) {

    static SiteSealView of(SiteSealTask t) {
        return new SiteSealView(t.orderId, t.status, t.placement, t.note, t.updatedAt, t.updatedBy);
    }
}
