package io.certdesk.order.fee;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fee version with the tax it contains at today's rate. */
@Schema(name = "Fee")
public record FeeView(FeeId id, OrderType orderType, long setupFeeJpy, int taxRatePercent, long containedTaxJpy,
        @Schema(description = "When this version took or takes effect") Instant effectiveAt,
        @Schema(description = "When the next version replaced it; null while it is the latest", nullable = true)
        Instant endsAt,
        Instant createdAt, String createdBy) {

    static FeeView of(FeeSchedule f, int taxRatePercent) {
        return new FeeView(FeeId.of(f.id), f.orderType, f.setupFeeJpy, taxRatePercent, Tax.contained(f.setupFeeJpy, taxRatePercent),
                f.validFrom, f.validTo, f.createdAt, f.createdBy);
    }
}
