package io.certdesk.order.fee;

/**
 * A first certificate for a domain, or the renewal of one the customer already has (priced differently); or a
 * REISSUE, which order-service makes itself to keep a paid term covered as certificate lifetimes shrink: free of
 * charge, with no quote and no fee.
 */
public enum OrderType {
    NEW, RENEWAL, REISSUE;

    /** Whether the type is sold (quoted and billed with a setup fee). */
    public boolean billed() {
        return this != REISSUE;
    }
}
