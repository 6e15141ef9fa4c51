package io.certdesk.order.orchestration;

import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.remote.RemoteProblem;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a step's remote calls came to, applied to the order in a transaction of its own: the effect records what was
 * learnt and says whether the step is done or waits; a failure is retried with backoff or parks the step.
 */
sealed interface Outcome {

    /** The effect runs on the locked order and decides: {@link Decision#done()} or {@link Decision#waitFor}. */
    record Applied(Function<CertificateOrder, Uni<Decision>> effect) implements Outcome {
    }

    /** A call failed: retried after a backoff when it may pass, parked at once when it was refused. */
    record Failed(RemoteProblem problem) implements Outcome {
    }

    /** The step cannot go on until staff act (fix data, then retry). */
    record Parked(String reason) implements Outcome {
    }

    static Outcome applied(Function<CertificateOrder, Uni<Decision>> effect) {
        return new Applied(effect);
    }

    static Outcome failed(RemoteProblem problem) {
        return new Failed(problem);
    }

    static Outcome parked(String reason) {
        return new Parked(reason);
    }

    /** Done, or run again after a wait (polling the CA, probing the web server). */
    record Decision(Duration waitFor, String note) {

        static Decision done() {
            return new Decision(null, null);
        }

        static Uni<Decision> doneNow() {
            return Uni.createFrom().item(done());
        }

        static Decision waitFor(Duration wait, String note) {
            return new Decision(wait, note);
        }

        boolean isDone() {
            return waitFor == null;
        }
    }
}
