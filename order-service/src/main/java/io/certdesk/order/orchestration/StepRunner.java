package io.certdesk.order.orchestration;

import io.certdesk.order.order.StepKind;
import io.smallrye.mutiny.Uni;

/**
 * Runs one kind of step: the calls to other services (no transaction is open meanwhile) and the effect of their
 * answers. A failed call is an {@link Outcome.Failed}; the dispatcher decides about retries.
 */
interface StepRunner {

    StepKind kind();

    Uni<Outcome> run(StepContext step);
}
