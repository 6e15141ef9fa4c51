package io.certdesk.order.renewal;

import io.certdesk.order.platform.CertificateId;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.OrderId;
import io.certdesk.order.platform.ServerId;
import io.certdesk.order.platform.TermId;
import io.certdesk.order.quote.QuoteId;
import io.certdesk.order.product.Issuer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A paid term as staff follow it up: its certificate, the notices sent and the renewal ordered. */
@Schema(name = "Renewal")
public record RenewalView(
        TermId termId,
        CustomerId customerId,
        @Schema(description = "The order that bought this term") OrderId orderId,
        String productCode,
        String domain,
        ServerId serverId,
        @Schema(description = "First day of the paid term (Asia/Tokyo)") LocalDate startDate,
        @Schema(description = "Last day of the paid term (Asia/Tokyo)") LocalDate endDate,
        @Schema(description = "Days from today (Asia/Tokyo) to the last day; negative once it has passed") long daysLeft,
        @Schema(nullable = true) CertificateId certificateId,
        @Schema(nullable = true) Instant certificateExpiresAt,
        @Schema(nullable = true, description = "Who signs the term's certificates") Issuer issuer,
        @Schema(nullable = true, description = "When the current certificate is to be replaced inside the term (free of "
                + "charge); none when it lasts past the term's end (the renewal brings the next one)")
        Instant nextReissueAt,
        @Schema(nullable = true, description = "ACME: the renewal window the CA suggested (RFC 9773), if it offers one")
        Instant renewalWindowStartAt,
        @Schema(nullable = true) Instant renewalWindowEndAt,
        @Schema(nullable = true, description = "The REISSUE order replacing the certificate now, if one is under way")
        OrderId reissueOrderId,
        RenewalStatus status,
        @Schema(nullable = true, description = "The RENEWAL order for the next term") OrderId renewalOrderId,
        List<Notice> notices) {

    /** A renewal notice sent for this term. */
    @Schema(name = "RenewalNotice")
    public record Notice(
            @Schema(description = "Days before the end (30, 14, 7) or, negative, after it") int windowDays,
            LocalDate noticeDate,
            @Schema(nullable = true, description = "The RENEWAL quote drafted with it") QuoteId quoteId) {
    }
}
