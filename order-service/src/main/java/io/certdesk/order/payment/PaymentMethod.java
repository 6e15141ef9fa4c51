package io.certdesk.order.payment;

/** How the customer paid. */
public enum PaymentMethod {
    BANK_TRANSFER, CREDIT_CARD, CONVENIENCE_STORE, DIRECT_DEBIT,
    /** Money the customer had paid on another invoice (an excess or a cancelled order), applied here by POST /refunds. */
    APPLIED_CREDIT
}
