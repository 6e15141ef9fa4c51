package io.certdesk.order.order;

import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.order.Fixtures;
import io.certdesk.order.notice.Outboxes;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.product.ValidationLevel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command endpoint against an order in every reachable state of every validation level: what the
 * transition table does not allow answers 409 naming the state and the allowed commands, and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class IllegalTransitionTest {

    static Stream<Arguments> reachableStates() {
        List<Arguments> cases = new ArrayList<>();
        for (ValidationLevel level : ValidationLevel.values()) {
            List<String> path = level == ValidationLevel.DV
                    ? List.of("QUOTED", "CONTRACTED", "INVOICED", "PAID", "APPLYING", "CSR_READY", "SUBMITTED",
                            "ISSUED", "INSTALLED", "CANCELLED")
                    : List.of("QUOTED", "CONTRACTED", "INVOICED", "PAID", "APPLYING", "CSR_READY", "SUBMITTED",
                            "DOCUMENTS_PENDING", "PHONE_VERIFICATION", "ISSUED", "INSTALLED", "CANCELLED");
            path.forEach(state -> cases.add(Arguments.of(level, state)));
        }
        return cases.stream();
    }

    /**
     * The issuer that lets the order rest in {@code state}: an ACME product (not configured on the test keystore)
     * parks the application at CSR_READY, a MANUAL one keeps a DV order SUBMITTED until staff upload a certificate.
     */
    private static String issuerFor(ValidationLevel level, String state) {
        if ("CSR_READY".equals(state)) {
            return "ACME";
        }
        return level == ValidationLevel.DV && "SUBMITTED".equals(state) ? "MANUAL" : "LOCAL";
    }

    @ParameterizedTest(name = "{0} order in {1}")
    @MethodSource("reachableStates")
    void commandsOutsideTheTableAreRefused(ValidationLevel level, String stateName) {
        Fixtures.Created o = Fixtures.newOrder(level.name(), true, null, issuerFor(level, stateName));
        Fixtures.advance(o, level.name(), stateName);
        long id = o.orderId();
        JsonPath before = staff().get("/orders/{id}", id).then().statusCode(200).extract().jsonPath();
        OrderState state = OrderState.valueOf(stateName);
        assertEquals(stateName, before.getString("state"));
        List<String> allowed = new ArrayList<>(OrderTransition.allowed(level, state).stream().map(OrderCommand::name).toList());
        if ("PARKED".equals(before.getString("currentStep.status"))) {
            allowed.add(OrderCommand.RETRY_STEP.name());
        }
        assertEquals(allowed, before.getList("allowedCommands"));
        // notices and the orchestration's own notes land on the timeline whenever they happen, so only the entries
        // of commands are counted; that refused commands queue no notice is checked on the outbox itself
        int timeline = ownEntries(id);
        int queued = Outboxes.of(id).size();

        int refused = 0;
        for (OrderCommand command : OrderCommand.values()) {
            boolean legal = OrderTransition.find(command, level, state).isPresent();
            boolean replay = command == lastCommand(stateName);
            if (command.slug() == null || legal || replay) {
                continue;
            }
            var request = staff();
            if (command == OrderCommand.OVERRIDE_DEPLOYMENT) {
                request = request.body(Map.of("reason", "checked by hand"));
            }
            request.post("/orders/{id}/" + command.slug(), id).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://certdesk.io/problems/conflict"))
                    .body("detail", containsString(stateName))
                    .body("detail", containsString(command.name()))
                    .body("allowedCommands", equalTo(allowed));
            refused++;
        }
        JsonPath after = staff().get("/orders/{id}", id).then().extract().jsonPath();
        assertEquals(stateName, after.getString("state"));
        assertEquals(before.getString("updatedAt"), after.getString("updatedAt"));
        assertEquals(before.getList("allowedCommands"), after.getList("allowedCommands"));
        assertEquals(timeline, ownEntries(id));
        assertEquals(queued, Outboxes.of(id).size());
        // every state refuses at least the commands of the states it is not next to
        org.junit.jupiter.api.Assertions.assertTrue(refused >= 4, "only " + refused + " commands were tried");
    }

    /** The moves order-service takes itself have no endpoint: nobody can claim a CSR, an issuance or an install. */
    @Test
    void systemCommandsAreNoEndpoints() {
        Fixtures.Created o = Fixtures.newOrder("DV", true, null);
        for (OrderCommand command : OrderCommand.values()) {
            if (command.system()) {
                String slug = command.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                staff().body(Map.of("certificateId", java.util.UUID.randomUUID().toString()))
                        .post("/orders/{id}/" + slug, o.orderId()).then().statusCode(404);
            }
        }
        staff().get("/orders/{id}", o.orderId()).then().body("state", equalTo("QUOTED"));
    }

    private static int ownEntries(long orderId) {
        return staff().queryParam("size", 200).get("/orders/{id}/timeline", orderId).then().extract().jsonPath()
                .getList("items.findAll { it.kind != 'NOTICE' && it.kind != 'STEP' }").size();
    }

    /** The command that produced a state (its repetition is an idempotent replay, not an illegal command). */
    private static OrderCommand lastCommand(String state) {
        return switch (state) {
            case "CONTRACTED" -> OrderCommand.CONTRACT;
            case "INVOICED" -> OrderCommand.INVOICE;
            case "PAID" -> OrderCommand.RECORD_PAYMENT;
            case "APPLYING" -> OrderCommand.START_APPLICATION;
            case "CSR_READY" -> OrderCommand.CSR_READY;
            case "SUBMITTED" -> OrderCommand.SUBMIT;
            case "DOCUMENTS_PENDING" -> OrderCommand.REQUEST_DOCUMENTS;
            case "PHONE_VERIFICATION" -> OrderCommand.ACCEPT_DOCUMENTS;
            case "ISSUED" -> OrderCommand.ISSUE;
            // the fixtures confirm the installation by hand: no web server serves the test certificates
            case "INSTALLED" -> OrderCommand.OVERRIDE_DEPLOYMENT;
            case "CANCELLED" -> OrderCommand.CANCEL;
            default -> null;
        };
    }
}
