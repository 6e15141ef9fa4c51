package io.certdesk.order.notice;

/** The notices the workflow mails to customers. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NoticeKind")
public enum NoticeKind {
    /** Step 4: payment confirmed, application starting. */
    PAYMENT_CONFIRMED,
    /** Step 4: questions about the domain owner's details. */
    OWNER_QUESTIONS,
    /** A paid term ends soon: the renewal quote and how to accept it. */
    RENEWAL_DUE,
    /** A paid term ended without a renewal. */
    TERM_ENDED,
    /** Informational: the term's certificate was replaced inside the paid term (free of charge, nothing to do). */
    CERTIFICATE_REISSUED,
    /** To staff, not the customer: a certificate is about to expire and its replacement is not deployed. */
    STAFF_ALERT,
    /** Step 3: the invoice, as a PDF, with the account to pay into and the due date. */
    INVOICE_ISSUED,
    /** Step 3: a payment arrived but a balance remains. */
    PAYMENT_PARTIAL,
    /** OV/EV: the papers the CA requires and where to send them. */
    DOCUMENTS_REQUESTED,
    /** OV/EV: a paper was not accepted, with the reason. */
    DOCUMENT_REJECTED,
    /** OV/EV: a time for the CA's call is proposed. */
    CALL_SLOT_PROPOSED,
    /** OV/EV: the time of the CA's call is fixed. */
    CALL_SLOT_CONFIRMED,
    /** The certificate is issued, installed and served. */
    CERTIFICATE_INSTALLED,
    /** The invoice is still open after its due date. */
    PAYMENT_REMINDER,
    /** The order was cancelled: the invoice is cancelled (with the cancellation notice as a PDF). */
    INVOICE_VOIDED,
    /** Money went back: refunded by transfer or applied to another invoice (with the refund invoice as a PDF). */
    REFUND_COMPLETED,
    /** The key bundle (key, CSR, certificate, chain) can be downloaded; the passphrase is given separately. */
    KEY_BUNDLE_READY,
    /** How to reveal the key's passphrase; sent apart from the bundle, never containing it. */
    PASSPHRASE_READY
}
