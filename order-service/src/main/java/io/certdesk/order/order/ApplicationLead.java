package io.certdesk.order.order;

import io.certdesk.order.calendar.BusinessDays;
import io.certdesk.order.product.ValidationLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** The first day an order with a launch date may be applied for: its level's lead time in business days before launch. */
@ApplicationScoped
public class ApplicationLead {

    private final BusinessDays days;
    private final WorkflowConfig config;

    public ApplicationLead(BusinessDays days, WorkflowConfig config) {
        this.days = days;
        this.config = config;
    }

    /** Business days of lead time for {@code level}. */
    public int businessDays(ValidationLevel level) {
        return config.applicationLeadBusinessDays().of(level);
    }

    /** The earliest application day for a site launching on {@code launch}; null without a launch date. */
    public LocalDate earliest(LocalDate launch, ValidationLevel level) {
        if (launch == null) {
            return null;
        }
        int lead = businessDays(level);
        return lead == 0 ? launch : days.minus(launch, lead);
    }
}
