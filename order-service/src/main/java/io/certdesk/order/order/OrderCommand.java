package io.certdesk.order.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The commands that move an order, as {@code allowedCommands} and the timeline name them. A manual command is one
 * operation of the contract ({@link #operationId()}); {@link #slug()} is the last path segment of its endpoint under
 * {@code /orders/{orderId}/} when it has one there. System commands (CSR_READY, SUBMIT, ISSUE, INSTALL) are taken
 * by order-service itself when the remote step that proves them is done; they appear on the timeline only.
 */
@Schema(name = "OrderCommand", description = "A command of an order's workflow. Manual: CONTRACT (contractOrder), INVOICE "
        + "(invoiceOrder), RECORD_PAYMENT (recordPayment on its invoice), START_APPLICATION (startApplication), "
        + "REQUEST_DOCUMENTS (requestDocuments), ACCEPT_DOCUMENTS (acceptDocuments), OVERRIDE_DEPLOYMENT "
        + "(overrideDeployment), RETRY_STEP (retryOrderStep), CANCEL (cancelOrder). Taken by order-service itself, "
        + "shown on the timeline: CSR_READY (key and CSR generated), SUBMIT (issuance requested), ISSUE (certificate "
        + "received), INSTALL (the web server serves it)")
public enum OrderCommand {
    CONTRACT("contract", "contractOrder"),
    INVOICE("invoice", "invoiceOrder"),
    /** Not an endpoint under the order: recording payments on the order's invoice until it is paid in full. */
    RECORD_PAYMENT(null, "recordPayment"),
    START_APPLICATION("start-application", "startApplication"),
    CSR_READY(null, null),
    SUBMIT(null, null),
    REQUEST_DOCUMENTS("request-documents", "requestDocuments"),
    ACCEPT_DOCUMENTS("accept-documents", "acceptDocuments"),
    ISSUE(null, null),
    INSTALL(null, null),
    /** Staff confirm the installation by hand, with a reason, when the probe cannot see the server. */
    OVERRIDE_DEPLOYMENT("deployment-override", "overrideDeployment"),
    /** Not a transition: resumes a parked orchestration step ({@code /orders/{orderId}/steps/{stepId}/retry}). */
    RETRY_STEP(null, "retryOrderStep"),
    CANCEL("cancel", "cancelOrder");

    private final String slug;
    private final String operationId;

    OrderCommand(String slug, String operationId) {
        this.slug = slug;
        this.operationId = operationId;
    }

    /** The endpoint's last path segment under /orders/{orderId}/, or null when it has none there. */
    public String slug() {
        return slug;
    }

    /** The operation a person calls, or null for a command order-service takes itself. */
    public String operationId() {
        return operationId;
    }

    /** Taken by order-service when a remote step proves it; no person can send it. */
    public boolean system() {
        return operationId == null;
    }
}
