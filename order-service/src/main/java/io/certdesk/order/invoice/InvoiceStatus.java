package io.certdesk.order.invoice;

/**
 * OPEN until paid in full; OVERPAID flags money received beyond the total; VOID when the order was cancelled
 * before anything was paid; REFUND_DUE when it was cancelled after money arrived (or money arrived afterwards):
 * everything received must be refunded; REFUNDED once all of it went back (refunded or applied to another invoice).
 * An OVERPAID invoice becomes PAID once its excess went back.
 */
public enum InvoiceStatus {
    OPEN, PAID, OVERPAID, VOID, REFUND_DUE, REFUNDED;

    /** Whether the order behind the invoice was cancelled, so nothing is due any more. */
    public boolean cancelled() {
        return this == VOID || this == REFUND_DUE || this == REFUNDED;
    }
}
