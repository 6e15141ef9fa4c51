package io.certdesk.binding.config;

import static io.certdesk.binding.platform.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.certdesk.binding.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rendered text with the production defaults (443, 444-449, /etc/certdesk/tls) and who may read it. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ServerConfigResourceTest {

    private static String deployerToken(long serverId) {
        return TestTokens.claims().subject("agent").groups(Roles.DEPLOYER).claim("server_id", Long.toString(serverId))
                .expiresIn(Duration.ofMinutes(5)).sign();
    }

    @Test
    void rendersStandardPortsWithoutPortInUrlsAndHstsOnlyOn443() {
        String ip = Fixtures.primaryIp();
        int n = Fixtures.next();
        int id = Fixtures.server("C-1", ip, "www.cfg" + n + ".example", 0);
        Fixtures.bind(id, Fixtures.binding("shop.cfg" + n + ".example", "SNI"));
        Fixtures.bind(id, Fixtures.binding("alt.cfg" + n + ".example", "ALTERNATE_PORT"));
        Fixtures.certify(id);
        String nginx = as(Roles.STAFF).queryParam("format", "nginx").get("/servers/{id}/config", id)
                .then().statusCode(200).extract().asString();
        assertTrue(nginx.contains("listen " + ip + ":443 ssl http2 default_server;\n    server_name www.cfg" + n), nginx);
        assertTrue(nginx.contains("listen " + ip + ":443 ssl http2;\n    server_name shop.cfg" + n), nginx);
        assertTrue(nginx.contains("return 301 https://shop.cfg" + n + ".example$request_uri;"), nginx);
        assertTrue(nginx.contains("return 301 https://alt.cfg" + n + ".example:444$request_uri;"), nginx);
        assertTrue(nginx.contains("ssl_certificate \"/etc/certdesk/tls/alt.cfg" + n + ".example/fullchain.pem\";"), nginx);
        assertTrue(nginx.contains("proxy_pass http://127.0.0.1:8089;"), nginx);
        assertEquals(2, nginx.split("Strict-Transport-Security", -1).length - 1, "HSTS only on the two 443 blocks");
        assertFalse(nginx.contains("TLSv1.1"), nginx);

        String apache = as(Roles.STAFF).queryParam("format", "apache").get("/servers/{id}/config", id)
                .then().statusCode(200).extract().asString();
        assertTrue(apache.contains("Listen " + ip + ":444 https"), apache);
        assertTrue(apache.contains("SSLPassPhraseDialog \"exec:/usr/local/lib/certdesk/tls-passphrase\""), apache);
        assertTrue(apache.indexOf("ServerName www.cfg" + n) < apache.indexOf("ServerName shop.cfg" + n),
                "the master's virtual host comes first, so Apache makes it the default");
        assertTrue(apache.contains("\"https://alt.cfg" + n + ".example:444/$1\""), apache);

        as(Roles.STAFF).queryParam("format", "apache-passphrase-helper").get("/servers/{id}/config", id)
                .then().statusCode(200).body(containsString("root='/etc/certdesk/tls'\n"))
                .body(containsString("exec head -n 1 \"$root/$domain/passphrase\""));
    }

    @Test
    void deployersReadOnlyTheirServerAndCustomersOnlyTheirOwn() {
        int mine = Fixtures.server("C-1", Fixtures.primaryIp(), "www.cfg" + Fixtures.next() + ".example", 0);
        int theirs = Fixtures.server("C-2", Fixtures.primaryIp(), "www.cfg" + Fixtures.next() + ".example", 0);
        given().auth().oauth2(deployerToken(mine)).get("/servers/{id}/config", mine).then().statusCode(200);
        given().auth().oauth2(deployerToken(mine)).get("/servers/{id}/config", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.CUSTOMER).get("/servers/{id}/config", mine).then().statusCode(200);
        as(Roles.CUSTOMER).get("/servers/{id}/config", theirs).then().statusCode(404);
        as(Roles.STAFF).get("/servers/987654/config").then().statusCode(404)
                .body("type", equalTo("https://certdesk.io/problems/not-found"));
        given().get("/servers/{id}/config", mine).then().statusCode(401);
    }

    @Test
    void unknownFormatIs400() {
        int id = Fixtures.server("C-1", Fixtures.primaryIp(), "www.cfg" + Fixtures.next() + ".example", 0);
        as(Roles.STAFF).queryParam("format", "iis").get("/servers/{id}/config", id).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("format"));
    }
}
