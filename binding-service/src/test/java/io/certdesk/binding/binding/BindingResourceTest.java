package io.certdesk.binding.binding;

import static io.certdesk.binding.platform.TestTokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BindingResourceTest {

    private static int server(String customer, int limit) {
        return Fixtures.server(customer, Fixtures.primaryIp(), "www.master" + Fixtures.next() + ".example", limit);
    }

    private static io.restassured.response.Response post(int serverId, Map<String, Object> body) {
        return as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/servers/{id}/bindings", serverId);
    }

    @Test
    void masterDomainIsTheDefaultBindingOfPrimary443() {
        String ip = Fixtures.primaryIp();
        int id = Fixtures.server("C-1", ip, "WWW.Master-Dom.example", 0);
        as(Roles.STAFF).get("/servers/{id}/bindings", id).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].domain", equalTo("www.master-dom.example")).body("items[0].master", equalTo(true))
                .body("items[0].strategy", equalTo("SNI")).body("items[0].ip", equalTo(ip)).body("items[0].port", equalTo(443))
                .body("items[0].httpsUrl", equalTo("https://www.master-dom.example/"));
        // the master binding moves with the master domain and cannot be unbound
        String masterId = (String) Fixtures.bindings(id).get(0).get("id");
        as(Roles.STAFF).delete("/servers/{s}/bindings/{b}", id, masterId).then().statusCode(409)
                .body("detail", containsString("master domain"));
        Fixtures.replace("/servers/{id}", Map.of("masterDomain", "shop.master-dom.example",
                "plan", Map.of("code", "P", "additionalIpLimit", 0)), id)
                .then().statusCode(200);
        as(Roles.STAFF).get("/servers/{id}/bindings/{b}", id, masterId).then().statusCode(200)
                .body("domain", equalTo("shop.master-dom.example"));
    }

    @Test
    void sniBindingSharesPrimary443AndWarnsAboutClientsWithoutSni() {
        int id = server("C-1", 0);
        Map<String, Object> body = Fixtures.binding("Shop.Example", "SNI");
        body.put("certificateId", Fixtures.certificateOf("42"));
        post(id, body).then().statusCode(201)
                .header("Location", containsString("/servers/" + id + "/bindings/"))
                .body("binding.domain", equalTo("shop.example")).body("binding.port", equalTo(443))
                .body("binding.certificateId", equalTo(Fixtures.certificateOf("42"))).body("binding.master", equalTo(false))
                .body("httpsUrl", equalTo("https://shop.example/"))
                .body("warnings", hasItem(containsString("do not send SNI")));
        // a second server may use the same domain on its own IP; this server may not bind it twice
        post(server("C-1", 0), Fixtures.binding("shop.example", "SNI")).then().statusCode(201);
        post(id, Fixtures.binding("SHOP.example.", "ALTERNATE_PORT")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already has binding"));
    }

    @Test
    void idnDomainsAreStoredInPunycode() {
        int id = server("C-1", 0);
        post(id, Fixtures.binding("ショップ.example", "SNI")).then().statusCode(201)
                .body("binding.domain", equalTo("xn--xckya1d0c.example"))
                .body("warnings", hasItem(containsString("No certificate is linked")));
    }

    @Test
    void alternatePortsComeInOrderAndReturnWhenUnbound() {
        int id = server("C-1", 0);
        Map<String, Object> first = Fixtures.bind(id, Fixtures.binding("alt1.example", "ALTERNATE_PORT"));
        assertEquals(444, first.get("port"));
        post(id, Fixtures.binding("alt2.example", "ALTERNATE_PORT")).then().statusCode(201)
                .body("binding.port", equalTo(445)).body("httpsUrl", equalTo("https://alt2.example:445/"))
                .body("warnings", hasItem(containsString("block unusual ports")));
        as(Roles.STAFF).delete("/servers/{s}/bindings/{b}", id, first.get("id")).then().statusCode(204);
        as(Roles.STAFF).get("/servers/{s}/bindings/{b}", id, first.get("id")).then().statusCode(404);
        post(id, Fixtures.binding("alt3.example", "ALTERNATE_PORT")).then().statusCode(201)
                .body("binding.port", equalTo(444));
        for (int port = 446; port <= 449; port++) {
            post(id, Fixtures.binding("alt" + port + ".example", "ALTERNATE_PORT")).then().statusCode(201)
                    .body("binding.port", equalTo(port));
        }
        post(id, Fixtures.binding("alt-full.example", "ALTERNATE_PORT")).then().statusCode(409)
                .body("detail", containsString("444-449"));
    }

    @Test
    void dedicatedIpsRespectThePlanAndReturnToThePoolOnUnbind() {
        int pool = Fixtures.pool("192.0.2.16/29");
        int id = server("C-1", 2);
        Map<String, Object> one = new HashMap<>(Fixtures.binding("ded1.example", "DEDICATED_IP"));
        one.put("poolId", String.valueOf(pool));
        post(id, one).then().statusCode(201).body("binding.ip", equalTo("192.0.2.17"))
                .body("binding.port", equalTo(443)).body("httpsUrl", equalTo("https://ded1.example/"))
                .body("warnings", hasItem(containsString("point the DNS of ded1.example to it")));
        Map<String, Object> two = new HashMap<>(Fixtures.binding("ded2.example", "DEDICATED_IP"));
        two.put("poolId", String.valueOf(pool));
        Map<String, Object> second = Fixtures.bind(id, two);
        assertEquals("192.0.2.18", second.get("ip"));
        Map<String, Object> three = new HashMap<>(Fixtures.binding("ded3.example", "DEDICATED_IP"));
        three.put("poolId", String.valueOf(pool));
        post(id, three).then().statusCode(409).body("detail", containsString("allows 2 additional IP"));
        as(Roles.STAFF).get("/servers/{id}/addresses", id).then().statusCode(200)
                .body("items.address", contains("192.0.2.17", "192.0.2.18"));

        // SNI cannot join an exclusive endpoint; an alternate port on the dedicated IP can
        Map<String, Object> sniOnDedicated = Fixtures.binding("sni-on-ded.example", "SNI");
        sniOnDedicated.put("ip", "192.0.2.18");
        post(id, sniOnDedicated).then().statusCode(409).body("detail", containsString("exclusively"));
        Map<String, Object> altOnDedicated = Fixtures.binding("alt-on-ded.example", "ALTERNATE_PORT");
        altOnDedicated.put("ip", "192.0.2.18");
        Map<String, Object> alt = Fixtures.bind(id, altOnDedicated);
        assertEquals(444, alt.get("port"));
        // the address cannot go back while another binding still uses it
        as(Roles.STAFF).delete("/servers/{s}/bindings/{b}", id, second.get("id")).then().statusCode(409)
                .body("detail", containsString("alt-on-ded.example"));
        as(Roles.STAFF).delete("/servers/{s}/bindings/{b}", id, alt.get("id")).then().statusCode(204);
        as(Roles.STAFF).delete("/servers/{s}/bindings/{b}", id, second.get("id")).then().statusCode(204);
        as(Roles.STAFF).get("/servers/{id}/addresses", id).then().body("items.address", contains("192.0.2.17"));
        // the freed address is handed out again, and a plan below the allocation is refused
        post(id, three).then().statusCode(201).body("binding.ip", equalTo("192.0.2.18"));
        Fixtures.replace("/servers/{id}", Map.of("masterDomain", Fixtures.bindings(id).get(0).get("domain"),
                "plan", Map.of("code", "SMALL", "additionalIpLimit", 1)), id)
                .then().statusCode(409).body("detail", containsString("holds 2 additional IP"));
    }

    @Test
    void exhaustedPoolIs409() {
        int pool = Fixtures.pool("192.0.2.40/31");
        int a = server("C-1", 5);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = Fixtures.binding("ex" + i + "-" + Fixtures.next() + ".example", "DEDICATED_IP");
            body.put("poolId", String.valueOf(pool));
            post(a, body).then().statusCode(201);
        }
        Map<String, Object> body = Fixtures.binding("ex-none.example", "DEDICATED_IP");
        body.put("poolId", String.valueOf(pool));
        post(server("C-1", 5), body).then().statusCode(409).body("detail", containsString("no free address"));
        body.put("poolId", String.valueOf(987654));
        post(a, body).then().statusCode(404);
    }

    @Test
    void primaryIpsAndPoolAddressesNeverCoincide() {
        int pool = Fixtures.pool("192.0.2.64/30");
        // a server already living on the pool's first address: the allocator skips it
        int squatter = Fixtures.server("C-1", "192.0.2.65", "www.squat" + Fixtures.next() + ".example", 1);
        Map<String, Object> body = Fixtures.binding("skip" + Fixtures.next() + ".example", "DEDICATED_IP");
        body.put("poolId", String.valueOf(pool));
        post(squatter, body).then().statusCode(201).body("binding.ip", equalTo("192.0.2.66"));
        // and an allocated address cannot become another server's primary IP
        Map<String, Object> server = new HashMap<>();
        server.put("hostname", "late" + Fixtures.next() + ".hosting.example.jp");
        server.put("customerId", "C-1");
        server.put("masterDomain", "www.late.example");
        server.put("primaryIp", "192.0.2.66");
        server.put("plan", Map.of("code", "P", "additionalIpLimit", 0));
        as(Roles.STAFF).contentType(ContentType.JSON).body(server).post("/servers").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("allocated from IP pool"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_domain.example", "localhost", "-x.example", "a..example"})
    void badDomainIs400(String domain) {
        post(server("C-1", 0), Fixtures.binding(domain, "SNI")).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("domain"));
    }

    @Test
    void badRequestsAre400AndChangeNothing() {
        int id = server("C-1", 1);
        post(id, Map.of("domain", "x.example")).then().statusCode(400).body("violations.field", hasItem("strategy"));
        post(id, Map.of("domain", "x.example", "strategy", "CARRIER_PIGEON")).then().statusCode(400);
        Map<String, Object> ded = Fixtures.binding("x.example", "DEDICATED_IP");
        ded.put("ip", "192.0.2.99");
        post(id, ded).then().statusCode(400).body("violations.field", hasItem("ip"));
        Map<String, Object> foreign = Fixtures.binding("x.example", "ALTERNATE_PORT");
        foreign.put("ip", "192.0.2.99");
        post(id, foreign).then().statusCode(400).body("detail", containsString("is not an address of server"));
        Map<String, Object> notIp = Fixtures.binding("x.example", "SNI");
        notIp.put("ip", "example.com");
        post(id, notIp).then().statusCode(400).body("violations.field", hasItem("ip"));
        Map<String, Object> pooled = Fixtures.binding("x.example", "SNI");
        pooled.put("poolId", String.valueOf(1));
        post(id, pooled).then().statusCode(400).body("violations.field", hasItem("poolId"));
        assertEquals(1, Fixtures.bindings(id).size());
    }

    @Test
    void unknownServerOrBindingIs404() {
        post(987654, Fixtures.binding("x.example", "SNI")).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://certdesk.io/problems/not-found"));
        as(Roles.STAFF).get("/servers/987654/bindings").then().statusCode(404);
        int id = server("C-1", 0);
        int other = server("C-1", 0);
        Map<String, Object> b = Fixtures.bind(other, Fixtures.binding("elsewhere.example", "SNI"));
        // a binding of another server is not reachable through this server's path
        as(Roles.STAFF).get("/servers/{s}/bindings/{b}", id, b.get("id")).then().statusCode(404);
        as(Roles.STAFF).delete("/servers/{s}/bindings/{b}", id, b.get("id")).then().statusCode(404);
        as(Roles.STAFF).delete("/servers/{s}/bindings/987654", id).then().statusCode(404);
    }

    @Test
    void customersSeeOnlyTheirOwnServersBindingsAndCannotChangeThem() {
        int mine = server("C-1", 0);
        int theirs = server("C-2", 0);
        as(Roles.CUSTOMER).get("/servers/{id}/bindings", mine).then().statusCode(200).body("items", hasSize(1));
        as(Roles.CUSTOMER).get("/servers/{id}/bindings", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.CUSTOMER).get("/servers/{id}/addresses", theirs).then().statusCode(404);
        as(Roles.CUSTOMER).get("/servers/{id}/addresses", mine).then().statusCode(200).body("items", empty());
        as(Roles.CUSTOMER).contentType(ContentType.JSON).body(Fixtures.binding("c.example", "SNI"))
                .post("/servers/{id}/bindings", mine).then().statusCode(403)
                .body("type", equalTo("https://certdesk.io/problems/forbidden"));
        as(Roles.DEPLOYER).contentType(ContentType.JSON).body(Fixtures.binding("c.example", "SNI"))
                .post("/servers/{id}/bindings", mine).then().statusCode(403);
        List<Map<String, Object>> list = Fixtures.bindings(theirs);
        as(Roles.CUSTOMER).delete("/servers/{s}/bindings/{b}", theirs, list.get(0).get("id")).then().statusCode(403);
    }

    @Test
    void certificateCanBeLinkedLater() {
        int id = server("C-1", 0);
        Map<String, Object> b = Fixtures.bind(id, Fixtures.binding("later.example", "SNI"));
        as(Roles.SERVICE).contentType(ContentType.JSON).body(Map.of("certificateId", Fixtures.certificateOf("7")))
                .put("/servers/{s}/bindings/{b}/certificate", id, b.get("id")).then().statusCode(200)
                .body("certificateId", equalTo(Fixtures.certificateOf("7")));
        as(Roles.SERVICE).contentType(ContentType.JSON).body("{\"certificateId\":null}")
                .put("/servers/{s}/bindings/{b}/certificate", id, b.get("id")).then().statusCode(200)
                .body("certificateId", nullValue());
    }
}
