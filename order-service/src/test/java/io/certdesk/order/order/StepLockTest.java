package io.certdesk.order.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A staff command reads the order's current step for its view, then locks and changes it. When the dispatcher
 * changed the step in between (claimed it: a new attempt, a lease), the command applies its change to the row as it
 * stands once locked, instead of failing as a stale version (a 409 "changed concurrently" for the person).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class StepLockTest {

    @Inject
    OrderStepRepository repository;

    @Inject
    OrderSteps steps;

    @Inject
    Pool db;

    @Test
    void aStepChangedAfterItWasReadIsCancelledAsItStandsWhenLocked() throws Throwable {
        long orderId = Fixtures.newOrder("DV", true, null).orderId();
        long stepId = db.preparedQuery("insert into orchestration_step (order_id, kind, status, created_at, updated_at) "
                + "values ($1, 'CONFIRM_DEPLOYMENT', 'PARKED', now(), now()) returning id").execute(Tuple.of(orderId))
                .await().indefinitely().iterator().next().getLong("id");

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.open(List.of(orderId))
                // the view has read the step; meanwhile another transaction changes and commits it
                .call(read -> db.preparedQuery("update orchestration_step set attempts = attempts + 1, "
                        + "version = version + 1 where id = $1").execute(Tuple.of(stepId)))
                .call(read -> steps.cancelOpen(orderId, StepKind.CONFIRM_DEPLOYMENT))));

        var row = db.preparedQuery("select status, attempts from orchestration_step where id = $1")
                .execute(Tuple.of(stepId)).await().indefinitely().iterator().next();
        assertEquals("CANCELLED", row.getString("status"));
        assertEquals(1, row.getInteger("attempts"), "the other transaction's change is kept");
    }
}
