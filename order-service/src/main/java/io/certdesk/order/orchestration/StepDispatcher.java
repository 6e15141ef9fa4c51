package io.certdesk.order.orchestration;

import io.certdesk.order.order.StepKind;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the orders' due steps: a few workers claim one step at a time, each step on a Vert.x context of its own and in
 * a trace of its own, in a short transaction ({@code FOR UPDATE SKIP LOCKED}, so workers and replicas share the work), read what it needs, call the
 * other services with no transaction open, and record the outcome in a transaction of its own; then the next one,
 * up to a limit per run. A slow peer (a probe waiting for its timeout) holds one worker, not the whole queue.
 */
@ApplicationScoped
public class StepDispatcher {

    private final StepLedger ledger;
    private final OrchestrationConfig config;
    private final Vertx vertx;
    private final Tracer tracer;
    private final Map<StepKind, StepRunner> runners = new EnumMap<>(StepKind.class);

    StepDispatcher(StepLedger ledger, OrchestrationConfig config, Instance<StepRunner> all, Vertx vertx, Tracer tracer) {
        this.vertx = vertx;
        this.tracer = tracer;
        this.ledger = ledger;
        this.config = config;
        all.forEach(r -> runners.put(r.kind(), r));
        for (StepKind kind : StepKind.values()) {
            if (!runners.containsKey(kind)) {
                throw new IllegalStateException("No runner for orchestration step " + kind);
            }
        }
    }

    @Scheduled(every = "${certdesk.orchestration.every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        int workers = config.workers();
        int perWorker = Math.max(1, config.maxStepsPerRun() / workers);
        // the workers of all replicas share the due steps through FOR UPDATE SKIP LOCKED
        return Multi.createFrom().range(0, workers)
                .onItem().transformToUniAndMerge(i -> drain(perWorker))
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf(e, "Orchestration run stopped; it resumes on the next run"))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> drain(int left) {
        if (left == 0) {
            return Uni.createFrom().voidItem();
        }
        return onOwnContext(this::runOne).flatMap(ran -> ran ? drain(left - 1) : Uni.createFrom().voidItem());
    }

    /**
     * Runs the step due first; false when none is due. Call it on a Vert.x context of its own: the step's database
     * sessions and its trace live there.
     */
    Uni<Boolean> runOne() {
        // the calls may answer on another event loop; the outcome is recorded back on this context, where the
        // Hibernate Reactive session of the next transaction belongs
        Context context = Vertx.currentContext();
        return ledger.claimNext().flatMap(claimed -> {
            if (claimed == null) {
                return Uni.createFrom().item(false);
            }
            // one trace per attempt: its calls carry it to keystore-service and binding-service (traceparent)
            Span span = tracer.spanBuilder("orchestration " + claimed.kind()).setSpanKind(SpanKind.INTERNAL)
                    .setAttribute("certdesk.order.id", claimed.orderId())
                    .setAttribute("certdesk.step.id", claimed.stepId())
                    .setAttribute("certdesk.step.attempt", claimed.attempt())
                    .startSpan();
            Scope scope = span.makeCurrent();
            String traceId = span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : null;
            Log.infof("Step %d (%s) of order %d: attempt %d", claimed.stepId(), claimed.kind(), claimed.orderId(),
                    claimed.attempt());
            Uni<Outcome> outcome = ledger.read(claimed)
                    .flatMap(step -> runners.get(step.kind()).run(step))
                    .onFailure().recoverWithItem(ledger::unexpected);
            if (context != null) {
                outcome = outcome.emitOn(task -> context.runOnContext(ignored -> task.run()));
            }
            return outcome.flatMap(o -> ledger.record(claimed, o, traceId))
                    .onTermination().invoke(() -> {
                        scope.close();
                        span.end();
                    })
                    .replaceWith(true);
        });
    }

    private <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                work.get().subscribe().with(emitter::complete, emitter::fail)));
    }
}
