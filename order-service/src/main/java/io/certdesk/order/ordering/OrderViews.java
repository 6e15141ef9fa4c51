package io.certdesk.order.ordering;

import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderSteps;
import io.certdesk.order.order.ApplicationLead;
import io.certdesk.order.orchestration.OrchestrationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Builds order views with their current step; runs in the caller's session (one query for a whole page). */
@ApplicationScoped
public class OrderViews {

    private final OrderSteps steps;
    private final ApplicationLead lead;
    private final String keystoreUrl;

    public OrderViews(OrderSteps steps, ApplicationLead lead, OrchestrationConfig orchestration) {
        this.steps = steps;
        this.lead = lead;
        String url = orchestration.keystorePublicUrl();
        this.keystoreUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Uni<OrderView> of(CertificateOrder o) {
        return steps.openOf(List.of(o.id)).map(open -> OrderView.of(o, lead.earliest(o.launchDate, o.validationLevel), open.get(o.id),
                keystoreUrl));
    }

    public Uni<List<OrderView>> of(List<CertificateOrder> orders) {
        return steps.openOf(orders.stream().map(o -> o.id).toList()).map(open -> orders.stream()
                .map(o -> OrderView.of(o, lead.earliest(o.launchDate, o.validationLevel), open.get(o.id), keystoreUrl)).toList());
    }
}
