package io.certdesk.order.document;

/** REQUIRED until a file arrives; RECEIVED until staff check it; REJECTED ones may be sent again. */
public enum DocumentStatus {
    REQUIRED, RECEIVED, ACCEPTED, REJECTED
}
