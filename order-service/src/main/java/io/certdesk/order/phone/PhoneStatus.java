package io.certdesk.order.phone;

/** A slot is proposed to the customer, confirmed by it, and the CA's call then passes or fails. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PhoneVerificationStatus")
public enum PhoneStatus {
    PROPOSED, CONFIRMED, PASSED, FAILED
}
