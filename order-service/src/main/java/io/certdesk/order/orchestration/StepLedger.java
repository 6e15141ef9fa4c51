package io.certdesk.order.orchestration;

import io.certdesk.order.customer.CustomerService;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderStep;
import io.certdesk.order.order.OrderStepRepository;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.order.StepStatus;
import io.certdesk.order.platform.Backoff;
import io.certdesk.order.platform.Times;
import io.certdesk.order.remote.RemoteProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The dispatcher's short transactions around a step's remote calls: claim it, read what the calls need, record the
 * outcome. None is open while another service is called.
 */
@ApplicationScoped
class StepLedger {

    /** A step held by this dispatcher for one attempt. */
    record Claimed(long stepId, long orderId, StepKind kind, int attempt) {
    }

    static final String ACTOR = "order-service";

    private final OrderStepRepository steps;
    private final OrderWorkflow workflow;
    private final CustomerService customers;
    private final OrchestrationConfig config;

    StepLedger(OrderStepRepository steps, OrderWorkflow workflow, CustomerService customers,
            OrchestrationConfig config) {
        this.steps = steps;
        this.workflow = workflow;
        this.customers = customers;
        this.config = config;
    }

    /** The step due first, held for one attempt (no other replica claims it until the lease ends), or null. */
    @WithTransaction
    Uni<Claimed> claimNext() {
        Instant now = Times.now();
        return steps.lockNextDue(now).map(s -> {
            if (s == null) {
                return null;
            }
            s.attempts++;
            s.leaseUntil = now.plus(config.lease());
            s.nextAttemptAt = s.leaseUntil;
            s.updatedAt = now;
            return new Claimed(s.id, s.orderId, s.kind, s.attempts);
        });
    }

    /** The order and its customer's certificate subject as the calls need them. */
    @WithSession
    Uni<StepContext> read(Claimed c) {
        return workflow.find(c.orderId(), null).flatMap(o -> customers.require(o.customerId, null)
                .map(customer -> new StepContext(c.stepId(), c.kind(), c.attempt(), o, customer.certificateSubject())));
    }

    /**
     * Applies the outcome to the locked order and step. An outcome that arrives after the step was cancelled, done
     * by another claim, or claimed again after this lease ran out, is dropped: that claim reports its own.
     */
    @WithTransaction
    Uni<Void> record(Claimed c, Outcome outcome, String traceId) {
        return workflow.lock(c.orderId(), null).flatMap(o -> steps.findForUpdate(c.stepId()).flatMap(s -> {
            if (s.status != StepStatus.PENDING || s.attempts != c.attempt()) {
                Log.infof("Step %d (%s) of order %d: outcome of attempt %d dropped, the step is %s (attempt %d)",
                        s.id, s.kind, s.orderId, c.attempt(), s.status, s.attempts);
                return Uni.createFrom().voidItem();
            }
            Instant now = Times.now();
            s.leaseUntil = null;
            s.traceId = traceId;
            s.updatedAt = now;
            if (outcome instanceof Outcome.Failed failed) {
                return failed(s, failed.problem(), now);
            }
            if (outcome instanceof Outcome.Parked parked) {
                return park(s, parked.reason(), now);
            }
            return ((Outcome.Applied) outcome).effect().apply(o).map(decision -> {
                s.failures = 0;
                s.lastError = decision.note();
                if (decision.isDone()) {
                    s.status = StepStatus.DONE;
                    s.nextAttemptAt = null;
                    s.finishedAt = now;
                } else {
                    s.nextAttemptAt = now.plus(decision.waitFor());
                }
                return null;
            });
        })).replaceWithVoid();
    }

    /** Something unexpected broke the attempt (not a remote answer): counted like a passing failure. */
    Outcome unexpected(Throwable error) {
        return Outcome.failed(RemoteProblem.of("order-service", error));
    }

    private Uni<Void> failed(OrderStep s, RemoteProblem problem, Instant now) {
        s.failures++;
        s.lastError = clip(problem.getMessage());
        if (!problem.retryable()) {
            return park(s, s.lastError, now);
        }
        if (s.failures >= config.maxFailures()) {
            return park(s, s.lastError + " (" + s.failures + " attempts in a row failed)", now);
        }
        s.nextAttemptAt = now.plus(Backoff.after(s.failures, config.firstRetryDelay(), config.maxRetryDelay()));
        Log.warnf("Step %d (%s) of order %d failed (%d of %d), next attempt at %s: %s", s.id, s.kind, s.orderId,
                s.failures, config.maxFailures(), s.nextAttemptAt, s.lastError);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> park(OrderStep s, String reason, Instant now) {
        s.status = StepStatus.PARKED;
        s.nextAttemptAt = null;
        s.lastError = clip(reason);
        Log.errorf("Step %d (%s) of order %d parked; staff must act, then retry it: %s", s.id, s.kind, s.orderId,
                s.lastError);
        return workflow.record(s.orderId, OrderEvent.Kind.STEP, ACTOR, "Step " + s.kind + " stopped and waits for "
                + "staff (retry it once the cause is fixed): " + s.lastError);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
