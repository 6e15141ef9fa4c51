package io.certdesk.binding.ippool;

import static io.certdesk.binding.platform.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IpPoolResourceTest {

    private static io.restassured.response.Response post(String name, String cidr) {
        return as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("name", name, "cidr", cidr)).post("/ip-pools");
    }

    @Test
    void registersIpv4AndIpv6PoolsWithUsableCounts() {
        String v4 = post("v4-" + Fixtures.next(), "198.51.100.0/28").then().statusCode(201)
                .header("Location", containsString("/ip-pools/"))
                .body("family", equalTo("IPv4")).body("usableAddresses", equalTo(14))
                .body("allocatedAddresses", equalTo(0)).extract().path("id");
        String v6 = post("v6-" + Fixtures.next(), "2001:DB8:0:0:0:0:0:0/120").then().statusCode(201)
                .body("cidr", equalTo("2001:db8::/120")).body("family", equalTo("IPv6"))
                .body("usableAddresses", equalTo(255)).extract().path("id");
        as(Roles.SERVICE).get("/ip-pools").then().statusCode(200).body("items.id", hasItem(v4)).body("items.id", hasItem(v6));
        as(Roles.STAFF).get("/ip-pools/{id}", v4).then().statusCode(200).body("cidr", equalTo("198.51.100.0/28"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.51.100.1/24", "198.51.100.0/33", "198.51.100.0", "not-a-cidr", "2001:db8::/129",
            "2001:db8::1/64", "300.1.1.0/24", "0.0.0.0/0", "::/0", "10.0.0.0/8", "2001:db8::/32", "0.0.0.0/24",
            "224.0.0.0/24", "240.0.0.0/24", "255.255.255.255/32", "ff02::/64", "::/128"})
    void badCidrIs400(String cidr) {
        post("bad-" + Fixtures.next(), cidr).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/validation"))
                .body("violations.field", hasItem("cidr"));
    }

    @Test
    void overlappingPoolsAndDuplicateNamesAre409() {
        String name = "base-" + Fixtures.next();
        post(name, "198.51.100.64/27").then().statusCode(201);
        post("inner-" + Fixtures.next(), "198.51.100.80/30").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/conflict"))
                .body("detail", containsString("overlaps pool"));
        post("outer-" + Fixtures.next(), "198.51.100.0/25").then().statusCode(409);
        post(name, "198.51.100.128/30").then().statusCode(409).body("detail", containsString("already exists"));
        post("v6base-" + Fixtures.next(), "2001:db8:1::/64").then().statusCode(201);
        post("v6inner-" + Fixtures.next(), "2001:db8:1::8000/120").then().statusCode(409);
    }

    @Test
    void aPoolMayNotContainAServersPrimaryIp() {
        String primary = Fixtures.primaryIp();
        Fixtures.server("C-1", primary, "www.lives" + Fixtures.next() + ".example", 0);
        post("swallow-" + Fixtures.next(), primary + "/32").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("primary IP " + primary));
        as(Roles.STAFF).get("/ip-pools?size=100").then().statusCode(200)
                .body("items.cidr", org.hamcrest.Matchers.not(hasItem(primary + "/32")));
    }

    @Test
    void rolesAndMissingPools() {
        as(Roles.CUSTOMER).contentType(ContentType.JSON).body(Map.of("name", "x", "cidr", "192.0.2.0/30"))
                .post("/ip-pools").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/forbidden"));
        as(Roles.CUSTOMER).get("/ip-pools").then().statusCode(403);
        as(Roles.SERVICE).delete("/ip-pools/1").then().statusCode(403);
        as(Roles.STAFF).get("/ip-pools/987654").then().statusCode(404).contentType("application/problem+json");
        as(Roles.STAFF).delete("/ip-pools/987654").then().statusCode(404);
    }

    @Test
    void poolWithAllocatedAddressCannotBeDeletedUntilReleased() {
        int pool = Fixtures.pool("198.51.100.200/30");
        int server = Fixtures.server("C-1", Fixtures.primaryIp(), "www.pooled" + Fixtures.next() + ".example", 1);
        Map<String, Object> b = Fixtures.bind(server, Map.of("domain", "ded" + Fixtures.next() + ".example",
                "strategy", "DEDICATED_IP", "poolId", String.valueOf(pool)));
        as(Roles.STAFF).get("/ip-pools/{id}/addresses", pool).then().statusCode(200)
                .body("items.address", hasItem("198.51.100.201")).body("items.serverId", hasItem(String.valueOf(server)));
        as(Roles.STAFF).delete("/ip-pools/{id}", pool).then().statusCode(409)
                .body("detail", containsString("still has 1 address"));
        as(Roles.STAFF).delete("/servers/{s}/bindings/{b}", server, b.get("id")).then().statusCode(204);
        as(Roles.STAFF).get("/ip-pools/{id}", pool).then().body("allocatedAddresses", equalTo(0));
        as(Roles.STAFF).delete("/ip-pools/{id}", pool).then().statusCode(204);
        as(Roles.STAFF).get("/ip-pools/{id}", pool).then().statusCode(404);
    }
}
