package io.certdesk.order.orchestration;

import static io.certdesk.order.Fixtures.command;
import static io.certdesk.order.Fixtures.staff;
import static io.certdesk.order.Fixtures.staffAt;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Await;
import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.Peer;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The other services fail while orders run: stopped, answering 500, or losing their answers after doing the work.
 * Each order still completes with exactly one key, one issuance and one binding; a step that cannot go on parks
 * with its error on the order until staff retry it; a cancelled order gives back what was made for it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class OrchestrationFaultsTest {

    @AfterEach
    void healPeers() {
        Peer.KEYSTORE.fault(Peer.Fault.NONE);
        Peer.BINDING.fault(Peer.Fault.NONE);
        Peer.KEYSTORE.restart();
        Peer.BINDING.restart();
    }

    @Test
    void keystoreStoppedMidwayThenBackTheOrderCompletesWithOneOfEach() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        Fixtures.advance(o, "DV", "PAID");
        Peer.KEYSTORE.stop();
        command(id, "start-application");
        JsonPath parked = Fixtures.awaitParked(id, "PREPARE_CSR");
        assertEquals("APPLYING", parked.getString("state"));
        assertTrue(parked.getString("currentStep.lastError").contains("keystore-service"), parked.prettify());
        assertEquals(List.of("CANCEL", "RETRY_STEP"), parked.getList("allowedCommands"));
        // the placement before it was done: binding-service was up
        assertTrue(parked.getString("placement.bindingId") != null, parked.prettify());
        staff().get("/orders/{id}/timeline", id).then()
                .body("items.findAll { it.kind == 'STEP' }.note", org.hamcrest.Matchers.hasItem(
                        containsString("PREPARE_CSR stopped and waits for staff")));
        // the order desk's queue of parked steps names it; unknown statuses are refused
        staff().queryParam("stepStatus", "PARKED").queryParam("size", 200).get("/orders").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(String.valueOf(id)));
        staff().queryParam("stepStatus", "STUCK").get("/orders").then().statusCode(400);

        Peer.KEYSTORE.restart();
        staff().body(Map.of("note", "keystore-service is back")).post("/orders/{id}/steps/{step}/retry", id,
                parked.getString("currentStep.id")).then().statusCode(200)
                .body("currentStep.status", equalTo("PENDING"));
        Fixtures.awaitState(id, "ISSUED");
        staff().queryParam("stepStatus", "PARKED").queryParam("size", 200).get("/orders").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(String.valueOf(id))));
        assertOneOfEach(o);
    }

    @Test
    void answersLostAfterTheWorkWasDoneAreReplayedNeverRepeated() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        Fixtures.advance(o, "DV", "PAID");
        // binding-service places the domain, keystore-service makes the key, but neither answer arrives
        Peer.BINDING.fault(Peer.Fault.SLOW_WRITES);
        command(id, "start-application");
        Await.until("the placement to fail for a lost answer", () -> Fixtures.order(id),
                v -> v.getInt("currentStep.failures") >= 1);
        Peer.BINDING.fault(Peer.Fault.NONE);
        Peer.KEYSTORE.fault(Peer.Fault.SLOW_WRITES);
        Await.until("the key to fail for a lost answer", () -> Fixtures.order(id),
                v -> "PREPARE_CSR".equals(v.getString("currentStep.kind")) && v.getInt("currentStep.failures") >= 1);
        Peer.KEYSTORE.fault(Peer.Fault.NONE);
        JsonPath issued = Fixtures.awaitState(id, "ISSUED");
        assertTrue(issued.getBoolean("placement.bindingId != null"));
        assertOneOfEach(o);
    }

    @Test
    void bindingServiceFailingParksTheStepAndStaffResumeIt() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        long id = o.orderId();
        Fixtures.advance(o, "DV", "PAID");
        Peer.BINDING.fault(Peer.Fault.FAIL);
        command(id, "start-application");
        JsonPath parked = Fixtures.awaitParked(id, "PLACE_DOMAIN");
        // the last error is the 500, or the circuit breaker that opened after the 500s
        assertTrue(parked.getString("currentStep.lastError").startsWith("binding-service"), parked.prettify());
        assertEquals(3, parked.getInt("currentStep.failures"));
        // retrying while it still fails: the step parks again, nothing is made twice
        staff().post("/orders/{id}/steps/{step}/retry", id, parked.getString("currentStep.id")).then().statusCode(200);
        Await.until("the step to park again", () -> Fixtures.order(id),
                v -> "PARKED".equals(v.getString("currentStep.status")) && v.getInt("currentStep.attempts") > 3);
        Peer.BINDING.fault(Peer.Fault.NONE);
        staff().post("/orders/{id}/steps/{step}/retry", id, parked.getString("currentStep.id")).then().statusCode(200);
        Fixtures.awaitState(id, "ISSUED");
        assertOneOfEach(o);
        // a finished step cannot be retried
        staff().post("/orders/{id}/steps/{step}/retry", id, parked.getString("currentStep.id")).then().statusCode(409);
        staff().post("/orders/{id}/steps/{step}/retry", id, "999999").then().statusCode(404);
        Fixtures.customer(o.customerId()).post("/orders/{id}/steps/{step}/retry", id, parked.getString("currentStep.id"))
                .then().statusCode(403);
        Fixtures.customer(o.customerId()).get("/orders/{id}/steps", id).then().statusCode(200)
                .body("items.status", everyItem(org.hamcrest.Matchers.not(equalTo("PARKED"))));
    }

    @Test
    void aQuoteCannotBeMadeWhileBindingServiceIsDown() {
        String customerId = Fixtures.createCustomer(true).getString("id");
        String server = Fixtures.server(customerId);
        String product = Fixtures.createProduct("DV", 10_000);
        Peer.BINDING.fault(Peer.Fault.FAIL);
        staff().body(Map.of("customerId", customerId, "productCode", product, "type", "NEW",
                        "domain", Fixtures.domain(), "serverId", server))
                .post("/quotes").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30").body("detail", containsString("binding-service"));
        staff().queryParam("customerId", customerId).get("/quotes").then().body("total", equalTo(0));
    }

    @Test
    void aCancelledOrderGivesBackItsPortAndItsUnusedKey() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null, "MANUAL");
        long id = o.orderId();
        String customer = o.customerId();
        // a second order of the same customer on an alternate port, waiting for the CA (MANUAL)
        String domain = Fixtures.domain();
        String product = Fixtures.createProduct("DV", 10_000, "MANUAL");
        String quote = staff().body(Map.of("customerId", customer, "productCode", product, "type", "NEW",
                        "domain", domain, "serverId", o.serverId(), "bindingStrategy", "ALTERNATE_PORT"))
                .post("/quotes").then().statusCode(201).body("httpsUrl", containsString(":" + Peer.ALT_FIRST + "/"))
                .extract().path("id");
        staff().post("/quotes/{id}/accept", quote).then().statusCode(200);
        long alt = staff().body(Map.of("quoteId", quote)).post("/orders").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Fixtures.Created altOrder = new Fixtures.Created(alt, customer, o.customer(), o.serverId(), domain);
        Fixtures.advance(altOrder, "DV", "SUBMITTED");
        JsonPath submitted = Fixtures.order(alt);
        String keyId = submitted.getString("keyId");
        String issuanceId = submitted.getString("issuanceId");
        assertTrue(submitted.getString("placement.httpsUrl").endsWith(":" + Peer.ALT_FIRST + "/"), submitted.prettify());

        command(alt, "cancel");
        Await.until("the compensation to finish", () -> staff().get("/orders/{id}/steps", alt).then().extract()
                .jsonPath(), steps -> steps.getList("items.findAll { it.kind in ['RELEASE_DOMAIN', 'ABANDON_KEY'] "
                + "&& it.status == 'DONE' }").size() == 2);
        staffAt(Peer.BINDING).queryParam("orderId", String.valueOf(alt)).get("/bindings").then().body("total", equalTo(0));
        staffAt(Peer.KEYSTORE).get("/keys/{id}", keyId).then().body("status", equalTo("ABANDONED"));
        staffAt(Peer.KEYSTORE).get("/issuances/{id}", issuanceId).then().body("status", equalTo("FAILED"));
        // the alternate port is free again: the next quote gets it
        staffAt(Peer.BINDING).queryParam("domain", Fixtures.domain()).queryParam("strategy", "ALTERNATE_PORT")
                .get("/servers/{id}/bindings/preview", o.serverId()).then().statusCode(200)
                .body("port", equalTo(Peer.ALT_FIRST));
        List<String> notes = staff().get("/orders/{id}/timeline", alt).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'STEP' }.note");
        assertTrue(notes.stream().anyMatch(n -> n.contains("released")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("abandoned in keystore-service")), notes.toString());
        // the first order, untouched, still waits for its certificate
        Fixtures.advance(o, "DV", "SUBMITTED");
    }

    /** Exactly one key, one issuance and one binding exist for the order in the other services. */
    private static void assertOneOfEach(Fixtures.Created o) {
        String orderId = String.valueOf(o.orderId());
        JsonPath keys = staffAt(Peer.KEYSTORE).queryParam("orderId", orderId).get("/keys").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, keys.getInt("total"), keys.prettify());
        staffAt(Peer.KEYSTORE).queryParam("keyId", keys.getString("items[0].id")).get("/issuances").then()
                .body("total", equalTo(1));
        staffAt(Peer.BINDING).queryParam("domain", o.domain()).get("/bindings").then().body("total", equalTo(1))
                .body("items[0].orderId", equalTo(orderId));
    }
}
