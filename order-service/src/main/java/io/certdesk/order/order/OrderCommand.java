package io.certdesk.order.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The commands that move an order, as {@code allowedCommands} and the timeline name them. Each is one operation of
 * the contract ({@link #operationId()}); {@link #slug()} is the last path segment of its endpoint under
 * {@code /orders/{orderId}/}. {@code RECORD_PAYMENT} is {@code recordPayment} on the order's invoice.
 */
@Schema(name = "OrderCommand", description = "A command an order accepts: CONTRACT (contractOrder), INVOICE "
        + "(invoiceOrder), RECORD_PAYMENT (recordPayment on its invoice), START_APPLICATION (startApplication), "
        + "CSR_READY (markCsrReady), SUBMIT (submitApplication), REQUEST_DOCUMENTS (requestDocuments), "
        + "ACCEPT_DOCUMENTS (acceptDocuments), ISSUE (issueCertificate), INSTALL (installCertificate), CANCEL (cancelOrder)")
public enum OrderCommand {
    CONTRACT("contract", "contractOrder"),
    INVOICE("invoice", "invoiceOrder"),
    /** Not an endpoint under the order: recording payments on the order's invoice until it is paid in full. */
    RECORD_PAYMENT(null, "recordPayment"),
    START_APPLICATION("start-application", "startApplication"),
    CSR_READY("csr-ready", "markCsrReady"),
    SUBMIT("submit", "submitApplication"),
    REQUEST_DOCUMENTS("request-documents", "requestDocuments"),
    ACCEPT_DOCUMENTS("accept-documents", "acceptDocuments"),
    ISSUE("issue", "issueCertificate"),
    INSTALL("install", "installCertificate"),
    CANCEL("cancel", "cancelOrder");

    private final String slug;
    private final String operationId;

    OrderCommand(String slug, String operationId) {
        this.slug = slug;
        this.operationId = operationId;
    }

    /** The endpoint's last path segment under /orders/{orderId}/, or null for RECORD_PAYMENT. */
    public String slug() {
        return slug;
    }

    public String operationId() {
        return operationId;
    }
}
