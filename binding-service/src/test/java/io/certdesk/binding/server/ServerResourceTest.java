package io.certdesk.binding.server;

import static io.certdesk.binding.platform.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ServerResourceTest {

    private static final AtomicInteger SEQ = new AtomicInteger(10);

    static Map<String, Object> server(String customerId) {
        int n = SEQ.incrementAndGet();
        Map<String, Object> body = new HashMap<>();
        body.put("hostname", "ds" + n + ".hosting.example.jp");
        body.put("customerId", customerId);
        body.put("masterDomain", "WWW.Shop" + n + ".co.jp");
        body.put("primaryIp", "203.0.113." + n);
        body.put("plan", Map.of("code", "DEDICATED-STANDARD", "additionalIpLimit", 2));
        return body;
    }

    static int register(Map<String, Object> body) {
        return Integer.parseInt(as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/servers")
                .then().statusCode(201).extract().path("id"));
    }

    @Test
    void registersServerWithCanonicalNames() {
        Map<String, Object> body = server("C-1");
        String id = as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/servers")
                .then().statusCode(201)
                .header("Location", containsString("/servers/"))
                .body("masterDomain", equalTo(body.get("masterDomain").toString().toLowerCase()))
                .body("plan.additionalIpLimit", equalTo(2))
                .extract().path("id");
        as(Roles.SERVICE).get("/servers/{id}", id).then().statusCode(200)
                .body("hostname", equalTo(body.get("hostname")))
                .body("primaryIp", equalTo(body.get("primaryIp")));
    }

    @Test
    void customersSeeOnlyTheirOwnServers() {
        int mine = register(server("C-1"));
        int theirs = register(server("C-2"));
        as(Roles.CUSTOMER).get("/servers/{id}", mine).then().statusCode(200);
        as(Roles.CUSTOMER).get("/servers/{id}", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.CUSTOMER).queryParam("size", 200).get("/servers")
                .then().statusCode(200).body("items.customerId", everyItem(equalTo("C-1")))
                .body("items.id", hasItem(String.valueOf(mine))).body("items.id", not(hasItem(String.valueOf(theirs))));
        // asking for another customer's servers finds none, never theirs
        as(Roles.CUSTOMER).queryParam("customerId", "C-2").queryParam("size", 200).get("/servers")
                .then().statusCode(200).body("total", equalTo(0));
        as(Roles.STAFF).queryParam("customerId", "C-2").queryParam("size", 200).get("/servers")
                .then().statusCode(200).body("items.id", hasItem(String.valueOf(theirs)));
    }

    @Test
    void duplicateHostnameOrPrimaryIpIsConflict() {
        Map<String, Object> first = server("C-3");
        register(first);
        Map<String, Object> sameName = server("C-3");
        sameName.put("hostname", first.get("hostname"));
        as(Roles.STAFF).contentType(ContentType.JSON).body(sameName).post("/servers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already registered"));
        Map<String, Object> sameIp = server("C-3");
        sameIp.put("primaryIp", first.get("primaryIp"));
        as(Roles.STAFF).contentType(ContentType.JSON).body(sameIp).post("/servers")
                .then().statusCode(409).body("detail", containsString(first.get("primaryIp").toString()));
    }

    @Test
    void invalidServerIs400WithEveryField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("hostname", "");
        bad.put("customerId", "C-1");
        bad.put("masterDomain", "x");
        bad.put("primaryIp", "1.2.3.4");
        bad.put("plan", Map.of("code", "P", "additionalIpLimit", -1));
        as(Roles.STAFF).contentType(ContentType.JSON).body(bad).post("/servers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("hostname", "plan.additionalIpLimit"));

        Map<String, Object> badIp = server("C-1");
        badIp.put("primaryIp", "not-an-ip");
        as(Roles.STAFF).contentType(ContentType.JSON).body(badIp).post("/servers")
                .then().statusCode(400).body("violations.field", hasItem("primaryIp"));
        Map<String, Object> badDomain = server("C-1");
        badDomain.put("masterDomain", "bad_domain.example.com");
        as(Roles.STAFF).contentType(ContentType.JSON).body(badDomain).post("/servers")
                .then().statusCode(400).body("violations.field", hasItem("masterDomain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0.1.2.3", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "ff02::1"})
    void aServerLivesOnAUnicastAddress(String ip) {
        Map<String, Object> body = server("C-1");
        body.put("primaryIp", ip);
        as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/servers")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("primaryIp"));
    }

    @Test
    void updateChangesPlanWithOptimisticLock() {
        int id = register(server("C-4"));
        Map<String, Object> update = Map.of("masterDomain", "www.moved.co.jp",
                "plan", Map.of("code", "DEDICATED-PRO", "additionalIpLimit", 8));
        String read = as(Roles.STAFF).get("/servers/{id}", id).then().extract().header("ETag");
        as(Roles.STAFF).contentType(ContentType.JSON).body(update).put("/servers/{id}", id).then().statusCode(428);
        as(Roles.STAFF).contentType(ContentType.JSON).header("If-Match", read).body(update).put("/servers/{id}", id)
                .then().statusCode(200).body("plan.code", equalTo("DEDICATED-PRO"));
        // the tag read before the change is stale now
        as(Roles.STAFF).contentType(ContentType.JSON).header("If-Match", read).body(update).put("/servers/{id}", id)
                .then().statusCode(412);
        as(Roles.STAFF).contentType(ContentType.JSON).header("If-Match", "*").body(update).put("/servers/999999")
                .then().statusCode(404);
    }

    @Test
    void missingServerIs404() {
        as(Roles.STAFF).get("/servers/987654").then().statusCode(404)
                .body("type", equalTo("https://certdesk.io/problems/not-found"));
        // a non-numeric id is a bad request, not a missing server (see unreadableNumbersInPathOrQueryAre400...)
        as(Roles.STAFF).get("/servers/abc").then().statusCode(400);
    }

    @Test
    void pagesBeyondAnyPossibleOffsetAre400NotOverflow() {
        as(Roles.STAFF).queryParam("page", Integer.MAX_VALUE).queryParam("size", 200).get("/servers").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("page"));
        // the largest allowed page still runs (and is simply empty)
        as(Roles.STAFF).queryParam("page", 10_000_000).queryParam("size", 200).get("/servers").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void unreadableNumbersInPathOrQueryAre400NamingTheParameter() {
        as(Roles.STAFF).get("/servers/abc").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/validation")).body("violations.field", hasItem("serverId"));
        as(Roles.STAFF).get("/servers/abc/bindings").then().statusCode(400).body("violations.field", hasItem("serverId"));
        as(Roles.STAFF).get("/servers/1/bindings/1x").then().statusCode(400)
                .body("violations.field", hasItem("bindingId")).body("violations.field", not(hasItem("serverId")));
        as(Roles.STAFF).queryParam("page", "first").get("/servers").then().statusCode(400)
                .body("violations.field", hasItem("page"));
        as(Roles.STAFF).queryParam("ip", "192.0.2.1").queryParam("port", "abc").get("/resolve").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("port"))
                .body("detail", containsString("port"));
        // a path that matches nothing is still 404
        as(Roles.STAFF).get("/no-such-thing").then().statusCode(404);
    }
}
