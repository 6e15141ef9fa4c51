package io.certdesk.binding.binding;

import static io.certdesk.binding.platform.TestTokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.certdesk.binding.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What order-service asks of binding-service: a preview of a placement for a quote (nothing stored), bindings made
 * for an order and found again by its id, and the served-certificate probe's refusals and its UNREACHABLE answer
 * (the SERVED and MISMATCH answers against a real nginx are in WebServerPeerTest).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PlacementPreviewAndProbeTest {

    private static final String FINGERPRINT = "ab:".repeat(31) + "ab";

    private static io.restassured.response.ValidatableResponse preview(String role, int server, String domain,
            String strategy) {
        var request = as(role);
        if (domain != null) {
            request.queryParam("domain", domain);
        }
        if (strategy != null) {
            request.queryParam("strategy", strategy);
        }
        return request.get("/servers/{id}/bindings/preview", server).then();
    }

    @Test
    void aPreviewSaysWhereTheDomainWouldGoAndStoresNothing() {
        String ip = Fixtures.primaryIp();
        int server = Fixtures.server("C-1", ip, "www.preview" + Fixtures.next() + ".example", 1);
        String domain = "Shop" + Fixtures.next() + ".Preview.Example";
        preview(Roles.SERVICE, server, domain, "SNI").statusCode(200)
                .body("domain", equalTo(domain.toLowerCase()))
                .body("ip", equalTo(ip)).body("port", equalTo(443))
                .body("httpsUrl", equalTo("https://" + domain.toLowerCase() + "/"))
                .body("existing", nullValue())
                .body("warnings", hasItem(containsString("do not send SNI")))
                // the preview is for a certificate about to be ordered: no word about none being linked yet
                .body("warnings", not(hasItem(containsString("No certificate is linked"))));
        preview(Roles.STAFF, server, domain, "ALTERNATE_PORT").statusCode(200)
                .body("port", equalTo(444)).body("httpsUrl", equalTo("https://" + domain.toLowerCase() + ":444/"))
                .body("warnings", hasItem(containsString("not the standard HTTPS port")));
        preview(Roles.STAFF, server, domain, "DEDICATED_IP").statusCode(200)
                .body("ip", nullValue()).body("port", equalTo(443))
                .body("warnings", hasItem(containsString("free address from the IP pools")));
        // nothing was placed: a bind afterwards gets exactly the previewed place
        as(Roles.STAFF).queryParam("domain", domain).get("/bindings").then().statusCode(200).body("total", equalTo(0));
        Map<String, Object> body = new HashMap<>(Fixtures.binding(domain, "ALTERNATE_PORT"));
        String bound = as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/servers/{id}/bindings", server)
                .then().statusCode(201).body("binding.port", equalTo(444)).extract().path("binding.id");
        // once bound, the preview answers the binding as it is, whatever strategy is asked
        preview(Roles.STAFF, server, domain, "SNI").statusCode(200)
                .body("existing.id", equalTo(bound)).body("strategy", equalTo("ALTERNATE_PORT")).body("port", equalTo(444));
    }

    @Test
    void aPreviewIsRefusedLikeTheBindItPreviews() {
        int server = Fixtures.server("C-1", Fixtures.primaryIp(), "www.refused" + Fixtures.next() + ".example", 0);
        preview(Roles.STAFF, server, "bad domain", "SNI").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("domain"));
        preview(Roles.STAFF, server, null, "SNI").statusCode(400);
        preview(Roles.STAFF, server, "a.example", null).statusCode(400);
        preview(Roles.STAFF, server, "a.example", "ANYCAST").statusCode(400);
        preview(Roles.STAFF, 999_999, "a.example", "SNI").statusCode(404);
        // a customer sees its own servers only, and another customer's is answered like a missing one
        preview(Roles.CUSTOMER, server, "a.example", "SNI").statusCode(200);
        int foreign = Fixtures.server("C-2", Fixtures.primaryIp(), "www.foreign" + Fixtures.next() + ".example", 0);
        preview(Roles.CUSTOMER, foreign, "a.example", "SNI").statusCode(404);
        preview(Roles.DEPLOYER, server, "a.example", "SNI").statusCode(403);
        // every alternate port taken: the preview says so as the bind would
        for (int i = 0; i < 6; i++) {
            as(Roles.STAFF).contentType(ContentType.JSON)
                    .body(Fixtures.binding("alt" + i + "-" + Fixtures.next() + ".refused.example", "ALTERNATE_PORT"))
                    .post("/servers/{id}/bindings", server).then().statusCode(201);
        }
        preview(Roles.STAFF, server, "one-more.refused.example", "ALTERNATE_PORT").statusCode(409)
                .body("detail", containsString("alternate port"));
    }

    @Test
    void aBindingMadeForAnOrderIsFoundByTheOrder() {
        int server = Fixtures.server("C-1", Fixtures.primaryIp(), "www.ordered" + Fixtures.next() + ".example", 0);
        String domain = "shop" + Fixtures.next() + ".ordered.example";
        Map<String, Object> body = new HashMap<>(Fixtures.binding(domain, "SNI"));
        body.put("orderId", "4711");
        as(Roles.SERVICE).contentType(ContentType.JSON).body(body).post("/servers/{id}/bindings", server).then()
                .statusCode(201).body("binding.orderId", equalTo("4711"));
        as(Roles.SERVICE).queryParam("orderId", "4711").queryParam("domain", domain).get("/bindings").then()
                .statusCode(200).body("items.domain", contains(domain)).body("items[0].serverId", equalTo(String.valueOf(server)));
        as(Roles.SERVICE).queryParam("orderId", "4712").queryParam("domain", domain).get("/bindings").then()
                .body("total", equalTo(0));
        // released by order-service's generated client, which accepts only the problem type for a bodyless answer
        String id = as(Roles.SERVICE).queryParam("orderId", "4711").get("/bindings").then().extract().path("items[0].id");
        as(Roles.SERVICE).accept("application/problem+json").delete("/servers/{s}/bindings/{b}", server, id).then()
                .statusCode(204);
        as(Roles.SERVICE).queryParam("orderId", "4711").get("/bindings").then().body("total", equalTo(0));
        as(Roles.SERVICE).queryParam("orderId", "ORD-1").get("/bindings").then().statusCode(400)
                .body("violations.field", hasItem("orderId"));
        body.put("orderId", "0x12");
        as(Roles.SERVICE).contentType(ContentType.JSON).body(body).post("/servers/{id}/bindings", server).then()
                .statusCode(400).body("violations.field", hasItem("orderId"));
        as(Roles.CUSTOMER).get("/bindings").then().statusCode(403);
    }

    @Test
    void theProbeNeedsAFingerprintAndReportsAServerThatDoesNotAnswer() {
        // a loopback address where nothing listens: the handshake is refused at once
        String ip = "127.0.9." + (Fixtures.next() % 250 + 1);
        int server = Fixtures.server("C-1", ip, "www.probe" + Fixtures.next() + ".example", 0);
        String binding = (String) Fixtures.bindings(server).get(0).get("id");
        as(Roles.SERVICE).post("/servers/{s}/bindings/{b}/probe", server, binding).then().statusCode(409)
                .body("detail", containsString("nothing to compare"));

        // the fingerprint goes with a certificate only, and only in keystore's form
        link(server, binding, Map.of("certificateFingerprint", FINGERPRINT)).statusCode(400)
                .body("violations.field", hasItem("certificateFingerprint"));
        link(server, binding, Map.of("certificateId", Fixtures.certificateOf("p"), "certificateFingerprint",
                FINGERPRINT.toUpperCase())).statusCode(400).body("violations.field", hasItem("certificateFingerprint"));
        link(server, binding, Map.of("certificateId", Fixtures.certificateOf("p"), "certificateFingerprint",
                "ab:cd")).statusCode(400);
        link(server, binding, Map.of("certificateId", Fixtures.certificateOf("p"), "certificateFingerprint", FINGERPRINT))
                .statusCode(200).body("certificateFingerprint", equalTo(FINGERPRINT))
                .body("probe.status", equalTo("NOT_PROBED"));

        as(Roles.SERVICE).post("/servers/{s}/bindings/{b}/probe", server, binding).then().statusCode(200)
                .body("probe.status", equalTo("UNREACHABLE")).body("probe.checkedAt", notNullValue())
                .body("probe.servedFingerprint", nullValue())
                .body("probe.detail", containsString(ip + ":443"));
        as(Roles.STAFF).queryParam("probeStatus", "UNREACHABLE").queryParam("serverId", server).get("/bindings").then()
                .body("items.id", contains(binding));
        // linking another certificate forgets what was probed for the old one
        link(server, binding, Map.of("certificateId", Fixtures.certificateOf("q"), "certificateFingerprint",
                "cd:".repeat(31) + "cd")).statusCode(200).body("probe.status", equalTo("NOT_PROBED"))
                .body("probe.checkedAt", nullValue());
        as(Roles.STAFF).queryParam("probeStatus", "UNREACHABLE").queryParam("serverId", server).get("/bindings").then()
                .body("items", hasSize(0));

        // only staff and order-service probe
        as(Roles.CUSTOMER).post("/servers/{s}/bindings/{b}/probe", server, binding).then().statusCode(403);
        RestAssured.given().auth().oauth2(TestTokens.claims().subject("agent").groups(Roles.DEPLOYER)
                        .claim("server_id", String.valueOf(server)).sign())
                .post("/servers/{s}/bindings/{b}/probe", server, binding).then().statusCode(403);
        as(Roles.SERVICE).post("/servers/{s}/bindings/{b}/probe", server, "999999").then().statusCode(404);
        as(Roles.STAFF).queryParam("probeStatus", "GREEN").get("/bindings").then().statusCode(400)
                .body("violations.field", not(hasItem("domain")));
    }

    private static io.restassured.response.ValidatableResponse link(int server, String binding, Map<String, Object> body) {
        return as(Roles.STAFF).contentType(ContentType.JSON).body(body)
                .put("/servers/{s}/bindings/{b}/certificate", server, binding).then();
    }
}
