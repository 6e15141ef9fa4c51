package io.certdesk.binding.resolve;

import static io.certdesk.binding.platform.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ResolveResourceTest {

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @jakarta.inject.Inject
    ResolveTable table;

    private static RequestSpecification resolve(String role, String ip, int port) {
        return as(role).queryParam("ip", ip).queryParam("port", port);
    }

    @Test
    void choosesLikeATlsServer() {
        String ip = Fixtures.primaryIp();
        int n = Fixtures.next();
        String master = "www.res" + n + ".example";
        int server = Fixtures.server("C-1", ip, master, 1);
        Map<String, Object> sniBody = Fixtures.binding("shop.res" + n + ".example", "SNI");
        sniBody.put("certificateId", Fixtures.certificateOf("shop"));
        Fixtures.bind(server, sniBody);
        Map<String, Object> alt = Fixtures.bind(server, Fixtures.binding("alt.res" + n + ".example", "ALTERNATE_PORT"));
        Fixtures.certify(server);

        resolve(Roles.STAFF, ip, 443).queryParam("serverName", "SHOP.res" + n + ".example").get("/resolve")
                .then().statusCode(200).body("domain", equalTo("shop.res" + n + ".example"))
                .body("matchedBy", equalTo("SERVER_NAME")).body("serverId", equalTo(String.valueOf(server)))
                .body("certificateId", equalTo(Fixtures.certificateOf("shop")))
                .body("certificateFile", equalTo("/etc/certdesk/tls/shop.res" + n + ".example/fullchain.pem"));
        resolve(Roles.STAFF, ip, 443).get("/resolve").then().statusCode(200)
                .body("domain", equalTo(master)).body("matchedBy", equalTo("DEFAULT"));
        resolve(Roles.SERVICE, ip, 443).queryParam("serverName", "unknown.example").get("/resolve").then()
                .statusCode(200).body("domain", equalTo(master)).body("matchedBy", equalTo("DEFAULT"));
        // an exclusive endpoint answers with its one domain whatever name the client sends
        resolve(Roles.STAFF, ip, 444).queryParam("serverName", master).get("/resolve").then().statusCode(200)
                .body("domain", equalTo(alt.get("domain"))).body("matchedBy", equalTo("DEFAULT"))
                .body("httpsUrl", equalTo("https://alt.res" + n + ".example:444/"));
        resolve(Roles.STAFF, ip, 444).queryParam("serverName", alt.get("domain")).get("/resolve").then()
                .body("matchedBy", equalTo("SERVER_NAME"));
        resolve(Roles.STAFF, ip, 445).get("/resolve").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(ip + ":445"));
        resolve(Roles.STAFF, "192.0.2.254", 443).get("/resolve").then().statusCode(404);
    }

    /**
     * /resolve answers from memory; a change is never answered with the old binding: one made through this
     * replica's API is seen by the very next call, one committed by someone else (another replica, here SQL straight
     * into the database) as soon as PostgreSQL's notification arrives.
     */
    @Test
    void aCommittedChangeIsNeverAnsweredWithTheOldBinding() {
        String ip = Fixtures.primaryIp();
        int n = Fixtures.next();
        String master = "www.fresh" + n + ".example";
        int server = Fixtures.server("C-1", ip, master, 1);
        Fixtures.certify(server);
        Map<String, Object> binding = Fixtures.bindings(server).get(0);
        long listeningBy = System.currentTimeMillis() + 10_000;
        while (!table.listening() && System.currentTimeMillis() < listeningBy) {
            Thread.yield();
        }
        org.junit.jupiter.api.Assertions.assertTrue(table.listening(), "the replica listens to certdesk_bindings");
        for (int i = 0; i < 3; i++) { // held in memory after the first
            resolve(Roles.STAFF, ip, 443).get("/resolve").then().statusCode(200)
                    .body("certificateId", equalTo(Fixtures.certificateOf(master)));
        }
        org.junit.jupiter.api.Assertions.assertNotNull(table.get(ip, 443), "the endpoint is answered from memory");
        // a refused write changes nothing and flushes nothing
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON).body("{}").post("/servers")
                .then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertNotNull(table.get(ip, 443), "a 401 write does not flush the table");
        // through the API of this replica: the next call answers the new certificate
        String next = java.util.UUID.randomUUID().toString();
        as(Roles.STAFF).contentType(io.restassured.http.ContentType.JSON).body(Map.of("certificateId", next))
                .put("/servers/{id}/bindings/{bid}/certificate", server, binding.get("id")).then().statusCode(200);
        resolve(Roles.STAFF, ip, 443).get("/resolve").then().statusCode(200).body("certificateId", equalTo(next));
        // unlinked: nothing answers any more
        as(Roles.STAFF).contentType(io.restassured.http.ContentType.JSON).body("{\"certificateId\": null}")
                .put("/servers/{id}/bindings/{bid}/certificate", server, binding.get("id")).then().statusCode(200);
        resolve(Roles.STAFF, ip, 443).get("/resolve").then().statusCode(404);

        // committed elsewhere: PostgreSQL's notification makes every replica forget
        String elsewhere = java.util.UUID.randomUUID().toString();
        pool.preparedQuery("update binding set certificate_id = $1 where id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(elsewhere, Long.parseLong(String.valueOf(binding.get("id")))))
                .await().indefinitely();
        long until = System.currentTimeMillis() + 5_000;
        String answered = null;
        while (System.currentTimeMillis() < until) {
            var r = resolve(Roles.STAFF, ip, 443).get("/resolve");
            answered = r.statusCode() == 200 ? r.path("certificateId") : null;
            if (elsewhere.equals(answered)) {
                break;
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(elsewhere, answered,
                "the change committed by another writer was not seen within 5 s");
    }

    @Test
    void customersResolveOnlyTheirOwnServers() {
        String mine = Fixtures.primaryIp();
        String theirs = Fixtures.primaryIp();
        Fixtures.certify(Fixtures.server("C-1", mine, "www.mine" + Fixtures.next() + ".example", 0));
        Fixtures.certify(Fixtures.server("C-2", theirs, "www.theirs" + Fixtures.next() + ".example", 0));
        resolve(Roles.CUSTOMER, mine, 443).get("/resolve").then().statusCode(200);
        resolve(Roles.CUSTOMER, theirs, 443).get("/resolve").then().statusCode(404);
    }

    @Test
    void badQueriesAre400() {
        as(Roles.STAFF).queryParam("ip", "not-an-ip").queryParam("port", 443).get("/resolve").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("ip"));
        as(Roles.STAFF).queryParam("ip", "192.0.2.1").queryParam("port", 70000).get("/resolve").then().statusCode(400)
                .body("violations.field", hasItem("port"));
        as(Roles.STAFF).queryParam("port", 443).get("/resolve").then().statusCode(400)
                .body("violations.field", hasItem("ip"));
        as(Roles.STAFF).queryParam("ip", "192.0.2.1").queryParam("port", 443).queryParam("serverName", "bad_name.example")
                .get("/resolve").then().statusCode(400).body("violations.field", hasItem("serverName"));
        given401();
    }

    private static void given401() {
        io.restassured.RestAssured.given().queryParam("ip", "192.0.2.1").queryParam("port", 443).get("/resolve")
                .then().statusCode(401);
    }
}
