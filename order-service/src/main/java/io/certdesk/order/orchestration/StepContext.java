package io.certdesk.order.orchestration;

import io.certdesk.order.customer.CertificateSubject;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.StepKind;

/**
 * A claimed step with what its calls need: the order as it was read before calling out (detached: changes to it are
 * not saved; the outcome gets the locked order) and the customer's certificate subject.
 */
record StepContext(long stepId, StepKind kind, int attempt, CertificateOrder order, CertificateSubject subject) {

    /** The Idempotency-Key of this step's {@code call}: the same on every attempt, so a call is made at most once. */
    String key(String call) {
        return "certdesk-order-" + order.id + "-step-" + stepId + "-" + call;
    }

    String orderId() {
        return Long.toString(order.id);
    }
}
