package io.certdesk.order.renewal;

import static io.certdesk.order.Fixtures.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.Await;
import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OV reissues inside the paid term against the real keystore-service and binding-service: while the CA honours the
 * organisation's validation the reissue needs no documents and no call; once it has lapsed the reissue waits for
 * staff to run them again. The product keeps its key, so the reissue does too.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class OrganisationReissueTest {

    @Inject
    Pool db;

    private static JsonPath run(LocalDate day, String customerId) {
        return staff().body(Map.of("runDate", day.toString(), "customerId", customerId)).post("/renewals/runs").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath term(String customerId) {
        return staff().queryParam("customerId", customerId).get("/renewals").then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath();
    }

    /** Starts the reissue due on the term's next reissue day; answers the REISSUE order. */
    private static long reissue(String customerId) {
        Instant at = Instant.parse(term(customerId).getString("items[0].nextReissueAt"));
        assertEquals(1, run(LocalDate.ofInstant(at, Terms.TOKYO), customerId).getInt("reissuesStarted"));
        return term(customerId).getLong("items[0].reissueOrderId");
    }

    @Test
    void anOvReissueReusesTheValidationWhileItIsHonouredAndWaitsForStaffOnceItHasLapsed() {
        Fixtures.Created o = Fixtures.newOrder("OV", false, null);
        String product = Fixtures.order(o.orderId()).getString("productCode");
        db.preparedQuery("update product set reuse_key = true where code = $1").execute(Tuple.of(product))
                .await().indefinitely();
        Fixtures.advance(o, "OV", "INSTALLED");
        JsonPath original = Fixtures.order(o.orderId());
        // the documents and the call validated the organisation for 398 days
        LocalDate today = LocalDate.now(Terms.TOKYO);
        staff().get("/customers/{id}", o.customerId()).then().statusCode(200)
                .body("organisationValidatedUntilDate", equalTo(today.plusDays(398).toString()));

        long first = reissue(o.customerId());
        Await.until("the reissue to wait for its deployment", () -> Fixtures.order(first),
                v -> "CONFIRM_DEPLOYMENT".equals(v.getString("currentStep.kind")));
        staff().body(Map.of("reason", "Checked in a browser")).post("/orders/{id}/deployment-override", first).then()
                .statusCode(200);
        JsonPath done = Fixtures.awaitState(first, "INSTALLED");
        List<String> path = staff().get("/orders/{id}/timeline", first).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'TRANSITION' }.toState");
        assertEquals(List.of("CSR_READY", "SUBMITTED", "ISSUED", "INSTALLED"), path, "no documents, no call");
        assertEquals(original.getString("keyId"), done.getString("keyId"), "the product keeps its key");
        assertTrue(!done.getString("certificate.id").equals(original.getString("certificate.id")));
        String mail = staff().get("/orders/{id}/notices", first).then().extract().jsonPath()
                .getString("items.find { it.kind == 'CERTIFICATE_REISSUED' }.body");
        assertTrue(mail.contains("これまでのもの"), mail);
        assertEquals(List.of(), staff().get("/orders/{id}/notices", first).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'KEY_BUNDLE_READY' || it.kind == 'PASSPHRASE_READY' }"),
                "the key is kept: no new bundle to announce");
        assertEquals(done.getString("certificate.id"), term(o.customerId()).getString("items[0].certificateId"));

        // the validation lapses: the next reissue waits, with the reason, for the documents and the call again
        db.preparedQuery("update customer set organisation_validated_until = $2 where id = $1")
                .execute(Tuple.of(o.customerId(), today.minusDays(1))).await().indefinitely();
        long second = reissue(o.customerId());
        JsonPath waiting = Await.until("the second reissue to wait for staff", () -> Fixtures.order(second),
                v -> "FOLLOW_ISSUANCE".equals(v.getString("currentStep.kind"))
                        && String.valueOf(v.getString("currentStep.lastError")).contains("lapsed"));
        assertEquals("SUBMITTED", waiting.getString("state"));
        assertTrue(waiting.getList("allowedCommands").contains("REQUEST_DOCUMENTS"), waiting.prettify());
        // until it is served, the term keeps the certificate the server has
        assertEquals(done.getString("certificate.id"), term(o.customerId()).getString("items[0].certificateId"));
    }
}
