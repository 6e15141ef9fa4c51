package io.certdesk.order.payment;

/** How the customer paid. */
public enum PaymentMethod {
    BANK_TRANSFER, CREDIT_CARD, CONVENIENCE_STORE, DIRECT_DEBIT
}
