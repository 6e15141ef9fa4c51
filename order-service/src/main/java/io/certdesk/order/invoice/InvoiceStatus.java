package io.certdesk.order.invoice;

/** OPEN until paid in full; OVERPAID flags money received beyond the total; VOID when the order was cancelled unpaid. */
public enum InvoiceStatus {
    OPEN, PAID, OVERPAID, VOID
}
