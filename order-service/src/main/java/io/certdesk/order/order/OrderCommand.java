package io.certdesk.order.order;

/** The commands that move an order; {@link #slug()} is the last path segment of its endpoint. */
public enum OrderCommand {
    CONTRACT("contract"),
    INVOICE("invoice"),
    /** Not an endpoint of its own: recording payments on the order's invoice until it is paid in full. */
    PAY("pay"),
    START_APPLICATION("start-application"),
    CSR_READY("csr-ready"),
    SUBMIT("submit"),
    REQUEST_DOCUMENTS("request-documents"),
    ACCEPT_DOCUMENTS("accept-documents"),
    ISSUE("issue"),
    INSTALL("install"),
    CANCEL("cancel");

    private final String slug;

    OrderCommand(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
