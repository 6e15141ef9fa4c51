package io.certdesk.order.orchestration;

import static io.certdesk.order.Fixtures.command;
import static io.certdesk.order.Fixtures.staffAt;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Fixtures;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.peers.Peer;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An order-service replica dies between claiming a step and recording its outcome, after the other service did the
 * work (the in-process equivalent of kill -9: the claim is committed, the outcome never is). The dispatcher is off
 * here and the test runs its parts by hand, so the moment of the crash is exact.
 */
@QuarkusTest
@TestProfile(CrashRecoveryTest.DispatcherByHand.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class CrashRecoveryTest {

    /** No scheduled dispatcher, and a short lease so that the crashed claim expires within the test. */
    public static class DispatcherByHand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("certdesk.orchestration.every", "off", "certdesk.orchestration.lease", "2s");
        }
    }

    @Inject
    StepLedger ledger;

    @Inject
    StepDispatcher dispatcher;

    @Inject
    PrepareCsr prepareCsr;

    @Test
    void aStepWhoseReplicaDiedIsRunAgainAfterItsLeaseAndMakesNothingTwice() throws Throwable {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        Fixtures.advance(o, "DV", "PAID");
        command(id, "start-application");
        await(dispatcher::runOne); // PLACE_DOMAIN
        assertEquals("PREPARE_CSR", Fixtures.order(id).getString("currentStep.kind"));

        // a replica claims PREPARE_CSR, keystore makes the key and the CSR, and the replica dies before recording it
        StepLedger.Claimed claimed = await(ledger::claimNext);
        assertNotNull(claimed);
        assertEquals(StepKind.PREPARE_CSR, claimed.kind());
        StepContext step = await(() -> ledger.read(claimed));
        Outcome lost = await(() -> prepareCsr.run(step));
        assertTrue(lost instanceof Outcome.Applied, lost.toString());
        JsonPath keys = staffAt(Peer.KEYSTORE).queryParam("orderId", String.valueOf(id)).get("/keys").then()
                .extract().jsonPath();
        assertEquals(1, keys.getInt("total"));
        String keyId = keys.getString("items[0].id");
        String csr = keys.getString("items[0].csr.fingerprint");

        // held: no other run takes it before the lease ends
        assertFalse(await(dispatcher::runOne), "a leased step is not due");
        assertEquals("APPLYING", Fixtures.order(id).getString("state"));
        Thread.sleep(2_500);

        // after the lease: run again, with the same Idempotency-Keys, finding the key keystore already has
        assertTrue(await(dispatcher::runOne));
        JsonPath ready = Fixtures.order(id);
        assertEquals("CSR_READY", ready.getString("state"));
        assertEquals(keyId, ready.getString("keyId"));
        assertEquals(csr, ready.getString("csrFingerprint"));

        // the dead replica's outcome, should it still arrive, is dropped: the step belongs to the later claim
        await(() -> ledger.record(claimed, lost, null));
        while (await(dispatcher::runOne)) {
            // SUBMIT_APPLICATION, FOLLOW_ISSUANCE, LINK_CERTIFICATE, then CONFIRM_DEPLOYMENT until it waits
            if ("ISSUED".equals(Fixtures.order(id).getString("state"))) {
                break;
            }
        }
        JsonPath issued = Fixtures.order(id);
        assertEquals("ISSUED", issued.getString("state"));
        staffAt(Peer.KEYSTORE).queryParam("orderId", String.valueOf(id)).get("/keys").then().body("total", equalTo(1));
        staffAt(Peer.KEYSTORE).queryParam("keyId", keyId).get("/issuances").then().body("total", equalTo(1));
        Fixtures.staff().get("/orders/{id}/timeline", id).then()
                .body("items.findAll { it.command == 'CSR_READY' }.size()", equalTo(1));
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work::get);
    }
}
