package io.certdesk.order.phone;

import static io.certdesk.order.Fixtures.TOKYO;
import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.slotTomorrowAfternoon;
import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CA's call: idempotent proposals, no outcome before the slot, authority re-checked at every later step. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class PhoneVerificationTest {

    private static int phoneEntries(long orderId) {
        return staff().get("/orders/{id}/timeline", orderId).then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.kind == 'PHONE' }").size();
    }

    /** Staff set whether the representative (contact 0) is still the representative. */
    private static void setRepresentative(Fixtures.Created o, boolean representative) {
        Map<String, Object> body = Fixtures.customerBody(false, o.customer().getString("noticeEmail"));
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> c = new HashMap<>(o.customer().getMap("contacts[" + i + "]"));
            if (i == 0) {
                c.put("representative", representative);
            }
            contacts.add(c);
        }
        body.put("contacts", contacts);
        Fixtures.replace("/customers/{id}", body, o.customerId()).then().statusCode(200);
    }

    @Test
    void aRetriedProposalKeepsTheConfirmationAndAnotherSlotAfterConfirmationIs409() {
        Fixtures.Created o = Fixtures.newOrder("OV", false, null);
        long id = o.orderId();
        Fixtures.advance(o, "OV", "PHONE_VERIFICATION");
        Map<String, Object> slot = Map.of("contactId", o.contactId(0), "slotStartsAt", slotTomorrowAfternoon());
        staff().body(slot).post("/orders/{id}/phone-verification/slot", id).then().statusCode(200)
                .body("status", equalTo("PROPOSED"));
        int entries = phoneEntries(id);
        staff().body(slot).post("/orders/{id}/phone-verification/slot", id).then().statusCode(200)
                .body("status", equalTo("PROPOSED"));
        customer(o.customerId()).post("/orders/{id}/phone-verification/confirm", id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        // the staff request that timed out is retried after the customer confirmed
        staff().body(slot).post("/orders/{id}/phone-verification/slot", id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        assertEquals(entries + 1, phoneEntries(id), "only the confirmation was added");
        // the customer was asked about the time, then told it is fixed: in Japanese, with the weekday
        var proposed = io.certdesk.order.notice.Outboxes.of(id, io.certdesk.order.notice.NoticeKind.CALL_SLOT_PROPOSED);
        var confirmed = io.certdesk.order.notice.Outboxes.of(id, io.certdesk.order.notice.NoticeKind.CALL_SLOT_CONFIRMED);
        assertEquals(1, proposed.size(), "a retried proposal is not mailed twice");
        assertEquals(1, confirmed.size());
        String when = io.certdesk.order.fee.JapaneseText.dateTime(Fixtures.nextBusinessDay().atTime(14, 0).atZone(TOKYO));
        assertTrue(proposed.get(0).body.contains(when) && confirmed.get(0).body.contains(when), confirmed.get(0).body);

        String otherTime = Fixtures.nextBusinessDay().atTime(15, 0).atZone(TOKYO).toOffsetDateTime().toString();
        staff().body(Map.of("contactId", o.contactId(0), "slotStartsAt", otherTime))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("CONFIRMED"));
        staff().get("/orders/{id}/phone-verification", id).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void noOutcomeBeforeTheSlotAndTheContactsAuthorityIsCheckedAgainUntilIssuance() {
        Fixtures.Created o = Fixtures.newOrder("OV", false, null);
        long id = o.orderId();
        Fixtures.advance(o, "OV", "PHONE_VERIFICATION");
        staff().body(Map.of("contactId", o.contactId(0), "slotStartsAt", slotTomorrowAfternoon()))
                .post("/orders/{id}/phone-verification/slot", id).then().statusCode(200);

        // the representative leaves before the customer confirms
        setRepresentative(o, false);
        customer(o.customerId()).post("/orders/{id}/phone-verification/confirm", id).then().statusCode(409)
                .body("detail", containsString("representative"));
        setRepresentative(o, true);
        customer(o.customerId()).post("/orders/{id}/phone-verification/confirm", id).then().statusCode(200);

        // the call has not happened yet
        staff().body(Map.of("passed", true)).post("/orders/{id}/phone-verified", id).then().statusCode(409)
                .body("detail", containsString("once that time has come"));
        Calls.slotHasCome(id);

        // ... and the representative leaves before the outcome is recorded
        setRepresentative(o, false);
        staff().body(Map.of("passed", true)).post("/orders/{id}/phone-verified", id).then().statusCode(409)
                .body("detail", containsString("representative"));
        setRepresentative(o, true);
        // keystore-service is down meanwhile, so the order cannot move on between the outcome and the next change
        Peer.KEYSTORE.stop();
        try {
            staff().body(Map.of("passed", true)).post("/orders/{id}/phone-verified", id).then().statusCode(200)
                    .body("status", equalTo("PASSED"));
            // ... and the representative leaves after the call passed, before the certificate is issued
            setRepresentative(o, false);
            Fixtures.awaitParked(id, "FOLLOW_ISSUANCE");
        } finally {
            Peer.KEYSTORE.restart();
        }
        JsonPath parked = Fixtures.order(id);
        assertTrue(parked.getString("currentStep.lastError").contains("keystore-service"), parked.prettify());
        assertTrue(parked.getList("allowedCommands").contains("RETRY_STEP"), parked.prettify());
        staff().post("/orders/{id}/steps/{step}/retry", id, parked.getString("currentStep.id")).then().statusCode(200);
        Await.until("the step to name the missing authority", () -> Fixtures.order(id),
                v -> v.getString("currentStep.lastError") != null
                        && v.getString("currentStep.lastError").contains("representative"));
        staff().get("/orders/{id}", id).then().body("state", equalTo("PHONE_VERIFICATION"));
        setRepresentative(o, true);
        Fixtures.awaitState(id, "ISSUED");
    }
}
