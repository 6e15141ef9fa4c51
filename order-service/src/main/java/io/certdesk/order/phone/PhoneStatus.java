package io.certdesk.order.phone;

/** A slot is proposed to the customer, confirmed by it, and the CA's call then passes or fails. */
public enum PhoneStatus {
    PROPOSED, CONFIRMED, PASSED, FAILED
}
