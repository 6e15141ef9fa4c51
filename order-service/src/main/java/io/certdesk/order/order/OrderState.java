package io.certdesk.order.order;

/** Where an order stands in the nine-step process; see {@link OrderTransition} for the moves between states. */
public enum OrderState {
    QUOTED, CONTRACTED, INVOICED, PAID, APPLYING, CSR_READY, SUBMITTED, DOCUMENTS_PENDING, PHONE_VERIFICATION,
    ISSUED, INSTALLED, CANCELLED
}
