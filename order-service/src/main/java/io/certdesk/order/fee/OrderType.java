package io.certdesk.order.fee;

/** A first certificate for a domain, or the renewal of one the customer already has; priced differently. */
public enum OrderType {
    NEW, RENEWAL
}
