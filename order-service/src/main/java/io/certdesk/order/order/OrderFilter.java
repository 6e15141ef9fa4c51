package io.certdesk.order.order;

import java.time.LocalDate;

/** Criteria for listing orders; null means "any". */
public record OrderFilter(OrderState state, String customerId, String domain, String q, LocalDate dueDateFrom,
        LocalDate dueDateTo, StepStatus stepStatus) {
}
