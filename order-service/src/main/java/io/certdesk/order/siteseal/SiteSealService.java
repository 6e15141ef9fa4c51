package io.certdesk.order.siteseal;

import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The site-seal task opened when a certificate is installed. */
@ApplicationScoped
public class SiteSealService {

    private final SiteSealRepository tasks;
    private final OrderWorkflow workflow;
    private final ETags etags;

    public SiteSealService(SiteSealRepository tasks, OrderWorkflow workflow, ETags etags) {
        this.etags = etags;
        this.tasks = tasks;
        this.workflow = workflow;
    }

    /** Opens the task; runs in the caller's (install command's) transaction. */
    public Uni<Void> open(long orderId, String actor) {
        SiteSealTask t = new SiteSealTask();
        t.orderId = orderId;
        t.status = SiteSealStatus.OPEN;
        t.updatedAt = Times.now();
        t.updatedBy = actor;
        return tasks.persist(t).replaceWithVoid();
    }

    @WithTransaction
    public Uni<SiteSealView> update(long orderId, SiteSealRequest request, String actor, String ifMatch) {
        if (request.status() == SiteSealStatus.PLACED && (request.placement() == null || request.placement().isBlank())) {
            return Uni.createFrom().failure(DomainException.invalid("placement",
                    "must say where the seal was placed, as agreed with the customer"));
        }
        return workflow.lock(orderId, null).flatMap(o -> require(orderId)).flatMap(t -> {
            etags.check(ifMatch, SiteSealView.of(t), true);
            t.status = request.status();
            t.placement = request.placement();
            t.note = request.note();
            t.updatedAt = Times.now();
            t.updatedBy = actor;
            return workflow.record(orderId, OrderEvent.Kind.SITE_SEAL, actor, "Site seal " + t.status
                            + (t.placement == null ? "" : " at " + t.placement))
                    .flatMap(v -> tasks.flush()).replaceWith(SiteSealView.of(t));
        });
    }

    @WithSession
    public Uni<SiteSealView> get(long orderId, String scope) {
        return workflow.find(orderId, scope).flatMap(o -> require(orderId)).map(SiteSealView::of);
    }

    private Uni<SiteSealTask> require(long orderId) {
        return tasks.findById(orderId).onItem().ifNull().failWith(() -> DomainException.notFound(
                "Site-seal task (opened at installation) of order", orderId));
    }
}
