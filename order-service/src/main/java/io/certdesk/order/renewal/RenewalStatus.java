package io.certdesk.order.renewal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a paid term stands on a given day. */
@Schema(name = "RenewalStatus")
public enum RenewalStatus {
    /** Running, no renewal ordered yet. */
    ACTIVE,
    /** A RENEWAL order for the next term exists and is not cancelled. */
    RENEWAL_UNDER_WAY,
    /** Ended without a renewal: staff follow these up. */
    EXPIRED,
    /** The next term has its certificate. */
    RENEWED
}
