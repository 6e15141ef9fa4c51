package io.certdesk.order.move;

import static io.certdesk.order.Fixtures.customer;
import static io.certdesk.order.Fixtures.staff;
import static io.certdesk.order.Fixtures.staffAt;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.Peer;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.TestTokens;
import io.certdesk.order.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Moving a certificate between servers through order-service against the real keystore and binding: the target's
 * customer and master domain come from binding-service, never from the request, and the old server lets go only
 * when the move is confirmed.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class CertificateMoveTest {

    private static String certificateOn(String customerId, String server, String master) {
        String key = staffAt(Peer.KEYSTORE).body(Map.of("customerId", customerId, "label", master, "algorithm", "EC_P256"))
                .post("/keys").then().statusCode(201).extract().path("id");
        staffAt(Peer.KEYSTORE).body(Map.of("validationLevel", "DV", "commonName", master)).post("/keys/{id}/csr", key)
                .then().statusCode(200);
        return staffAt(Peer.KEYSTORE).body(Map.of("keyId", key, "issuer", "LOCAL", "serverId", server, "masterDomain", master))
                .post("/issuances").then().statusCode(201).extract().path("certificateId");
    }

    private static RequestSpecification deployer(String server) {
        return RestAssured.given().baseUri(Peer.KEYSTORE.url()).auth().oauth2(TestTokens.claims()
                .subject("agent-of-" + server).groups(Roles.DEPLOYER).claim("server_id", server)
                .expiresIn(Duration.ofMinutes(10)).jws().keyId(TestTokens.KEY_ID).sign());
    }

    private static io.restassured.response.ValidatableResponse move(String certificate, String target) {
        return staff().body(Map.of("targetServerId", target)).post("/certificates/{id}/migrations", certificate).then();
    }

    @Test
    void aCertificateMovesOnlyToItsCustomersServerWithTheSameMasterDomain() {
        String a = Fixtures.createCustomer(false).getString("id");
        String b = Fixtures.createCustomer(false).getString("id");
        String master = Fixtures.domain();
        String old = Fixtures.server(a, null, master);
        String next = Fixtures.server(a, null, master);
        String otherDomain = Fixtures.server(a, null, Fixtures.domain());
        String othersServer = Fixtures.server(b, null, master);
        String certificate = certificateOn(a, old, master);

        // another customer's server with the same master domain: refused from what binding-service knows
        move(certificate, othersServer).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/migration-refused"))
                .body("detail", containsString("another customer"));
        move(certificate, otherDomain).statusCode(422)
                .body("type", equalTo("https://certdesk.io/problems/migration-refused"))
                .body("detail", containsString("same master domain"));
        move(certificate, "987654").statusCode(404).body("violations.field", org.hamcrest.Matchers.hasItem("targetServerId"));
        move("00000000-0000-0000-0000-000000000000", next).statusCode(404);
        staff().body(Map.of("targetServerId", next, "targetMasterDomain", master))
                .post("/certificates/{id}/migrations", certificate).then().statusCode(400);
        customer(a).body(Map.of("targetServerId", next)).post("/certificates/{id}/migrations", certificate)
                .then().statusCode(403);
        deployer(othersServer).get("/servers/{s}/tls/{d}", othersServer, master).then().statusCode(404);

        move(certificate, next).statusCode(200).body("servers", equalTo(List.of(old, next)))
                .body("customerId", equalTo(a)).body("masterDomain", equalTo(master));
        deployer(next).get("/servers/{s}/tls/{d}", next, master).then().statusCode(200);
        deployer(old).get("/servers/{s}/tls/{d}", old, master).then().statusCode(200);

        // confirming: only the certificate's customer (or staff), only to a server it was moved to
        customer(b).post("/certificates/{id}/migrations/{t}/confirm", certificate, next).then().statusCode(404);
        customer(a).post("/certificates/{id}/migrations/{t}/confirm", certificate, othersServer).then().statusCode(409);
        customer(a).post("/certificates/{id}/migrations/{t}/confirm", certificate, next).then().statusCode(200)
                .body("servers", equalTo(List.of(next)));
        deployer(old).get("/servers/{s}/tls/{d}", old, master).then().statusCode(404);
        deployer(next).get("/servers/{s}/tls/{d}", next, master).then().statusCode(200);
        customer(a).post("/certificates/{id}/migrations/{t}/confirm", certificate, next).then().statusCode(200)
                .body("servers", equalTo(List.of(next)));
        TestTokens.as(Roles.ADMIN).baseUri(Peer.KEYSTORE.url()).queryParam("action", "certificate.placement-retire")
                .queryParam("target", certificate).get("/audit").then().statusCode(200)
                .body("items.detail", org.hamcrest.Matchers.hasItem("server=" + old));
    }
}
