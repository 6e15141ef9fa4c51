package io.certdesk.keystore;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.certdesk.keystore.key.KeyResourceTest;
import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every claim a token carries narrows what it reaches, whatever roles it also has: the same matrix of key material
 * against a token of another customer that also deploys the owner's server, the owner's own such token, an operator
 * token that names a customer, and a deployer of another server. Nothing of C-1 reaches anyone but C-1 and staff.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TokenClaimsTest {

    private static final String SERVER = "71";
    private static final String DOMAIN = "www.claims.example.jp";
    private static String key;
    private static String certificate;

    /** C-1 has a key and a certificate on server 71 (made once, on the first test's running service). */
    private static synchronized void c1HasAKeyAndACertificateOnServer71() {
        if (key != null) {
            return;
        }
        key = KeyResourceTest.generate("C-1", "EC_P256");
        as(Roles.STAFF).contentType(ContentType.JSON).body(KeyResourceTest.dvCsr(DOMAIN, List.of(DOMAIN)))
                .post("/keys/{id}/csr", key).then().statusCode(200);
        certificate = as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("keyId", key, "issuer", "LOCAL", "serverId", SERVER, "masterDomain", DOMAIN))
                .post("/issuances").then().statusCode(201).extract().path("certificateId");
    }

    private static RequestSpecification token(Set<String> roles, String customerId, String serverId) {
        var claims = TestTokens.claims().subject("matrix").groups(roles).expiresIn(Duration.ofMinutes(5));
        if (customerId != null) {
            claims.claim("customer_id", customerId);
        }
        if (serverId != null) {
            claims.claim("server_id", serverId);
        }
        return RestAssured.given().auth().oauth2(claims.sign());
    }

    /** The key material of C-1 as each endpoint serves it: method, path. */
    private static final List<String[]> MATERIAL = List.of(
            new String[] {"GET", "/keys/{key}"},
            new String[] {"POST", "/keys/{key}/passphrase"},
            new String[] {"POST", "/keys/{key}/exports"},
            new String[] {"GET", "/certificates/{certificate}"},
            new String[] {"GET", "/servers/" + SERVER + "/tls/" + DOMAIN});

    private static int call(RequestSpecification who, String[] endpoint) {
        c1HasAKeyAndACertificateOnServer71();
        String path = endpoint[1].replace("{key}", key).replace("{certificate}", certificate);
        return (endpoint[0].equals("GET") ? who.get(path) : who.post(path)).then().extract().statusCode();
    }

    @Test
    void anotherCustomerDeployingTheOwnersServerGetsNothing() {
        c1HasAKeyAndACertificateOnServer71();
        RequestSpecification foreign = token(Set.of(Roles.CUSTOMER, Roles.DEPLOYER), "C-2", SERVER);
        for (String[] endpoint : MATERIAL) {
            org.junit.jupiter.api.Assertions.assertEquals(404, call(token(Set.of(Roles.CUSTOMER, Roles.DEPLOYER), "C-2",
                    SERVER), endpoint), endpoint[0] + " " + endpoint[1]);
        }
        foreign.queryParam("size", 200).get("/keys").then().statusCode(200).body("items.id", not(hasItem(key)));
        token(Set.of(Roles.CUSTOMER, Roles.DEPLOYER), "C-2", SERVER).queryParam("size", 200).get("/certificates")
                .then().statusCode(200).body("items.id", not(hasItem(certificate)));
    }

    @Test
    void theOwnersOwnTokenOfBothRolesGetsEverything() {
        c1HasAKeyAndACertificateOnServer71();
        for (String[] endpoint : MATERIAL) {
            org.junit.jupiter.api.Assertions.assertEquals(200, call(token(Set.of(Roles.CUSTOMER, Roles.DEPLOYER), "C-1",
                    SERVER), endpoint), endpoint[0] + " " + endpoint[1]);
        }
    }

    @Test
    void anOperatorTokenThatNamesACustomerIsHeldToIt() {
        c1HasAKeyAndACertificateOnServer71();
        for (String[] endpoint : MATERIAL.subList(0, 4)) {
            int status = call(token(Set.of(Roles.STAFF, Roles.CUSTOMER), "C-2", null), endpoint);
            org.junit.jupiter.api.Assertions.assertEquals(404, status, endpoint[0] + " " + endpoint[1]);
        }
        // a claim takes the operator roles away: what is left of this token may do nothing here
        token(Set.of(Roles.STAFF), "C-2", null).get("/keys/{id}", key).then().statusCode(403);
        token(Set.of(Roles.SERVICE), null, SERVER).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-2", "label", "x", "algorithm", "EC_P256")).post("/keys").then().statusCode(403);
        token(Set.of(Roles.STAFF), null, null).get("/keys/{id}", key).then().statusCode(200)
                .body("customerId", equalTo("C-1"));
    }

    @Test
    void aDeployerOfAnotherServerGetsNothing() {
        c1HasAKeyAndACertificateOnServer71();
        token(Set.of(Roles.DEPLOYER), null, "72").get("/servers/" + SERVER + "/tls/" + DOMAIN).then().statusCode(404)
                .contentType("application/problem+json");
        token(Set.of(Roles.DEPLOYER), null, SERVER).get("/servers/" + SERVER + "/tls/" + DOMAIN).then().statusCode(200);
        // a deployer token reads deploy material, not the customer's keys
        token(Set.of(Roles.DEPLOYER), null, SERVER).get("/keys/{id}", key).then().statusCode(403);
    }
}
