package io.certdesk.order.quote;

/** A quote is open until the customer (or staff on the customer's word) accepts it. */
public enum QuoteStatus {
    OPEN, ACCEPTED
}
