package io.certdesk.keystore.key;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.TestTokens;
import io.certdesk.keystore.platform.Tools;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
public class KeyResourceTest {

    public static String generate(String customerId, String algorithm) {
        return as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "label", "www.aaa.co.jp", "orderId", "1", "algorithm", algorithm))
                .post("/keys").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> dvCsr(String cn, List<String> sans) {
        Map<String, Object> body = new HashMap<>();
        body.put("validationLevel", "DV");
        body.put("commonName", cn);
        body.put("subjectAlternativeNames", sans);
        return body;
    }

    @ParameterizedTest
    @CsvSource({
        "RSA_2048, Public-Key: (2048 bit)",
        "RSA_3072, Public-Key: (3072 bit)",
        "RSA_4096, Public-Key: (4096 bit)",
        "EC_P256, prime256v1",
        "EC_P384, secp384r1"
    })
    void everyAlgorithmGivesACsrThatOpensslVerifies(String algorithm, String expectedKeyText) {
        String id = generate("C-1", algorithm);
        Map<String, Object> csr = new HashMap<>();
        csr.put("validationLevel", "OV");
        csr.put("commonName", "www.aaa.co.jp");
        csr.put("organization", "AAA Co., Ltd.");
        csr.put("organizationalUnit", "Web");
        csr.put("locality", "Shibuya-ku");
        csr.put("state", "Tokyo");
        csr.put("country", "JP");
        csr.put("subjectAlternativeNames", List.of("www.aaa.co.jp", "aaa.co.jp", "日本語.jp"));
        String pem = as(Roles.SERVICE).contentType(ContentType.JSON).body(csr).post("/keys/{id}/csr", id)
                .then().statusCode(200)
                .body("csr.dnsNames", equalTo(List.of("www.aaa.co.jp", "aaa.co.jp", "xn--wgv71a119e.jp")))
                .body("csr.validationLevel", equalTo("OV"))
                .extract().path("csr.pem");

        assertTrue(Tools.openssl(pem, "req", "-noout", "-verify").contains("verify OK"));
        String subject = Tools.openssl(pem, "req", "-noout", "-subject", "-nameopt", "RFC2253");
        assertEquals("subject=CN=www.aaa.co.jp,OU=Web,O=AAA Co.\\, Ltd.,L=Shibuya-ku,ST=Tokyo,C=JP", subject.strip());
        String text = Tools.openssl(pem, "req", "-noout", "-text");
        assertTrue(text.contains("DNS:www.aaa.co.jp, DNS:aaa.co.jp, DNS:xn--wgv71a119e.jp"), text);
        assertTrue(text.contains(expectedKeyText), text);
        assertTrue(text.contains(algorithm.startsWith("RSA") ? "sha256WithRSAEncryption" : "ecdsa-with-SHA256"), text);
    }

    @Test
    void keyViewNeverShowsThePrivateKeyAndFingerprintMatchesOpenssl() {
        String id = generate("C-1", "EC_P256");
        var response = as(Roles.STAFF).get("/keys/{id}", id).then().statusCode(200)
                .body("customerId", equalTo("C-1"))
                .body("algorithm", equalTo("EC_P256"))
                .body("csr", nullValue())
                .extract();
        String body = response.asString();
        assertTrue(!body.contains("PRIVATE") && !body.contains("passphrase"), body);
        String fingerprint = response.path("publicKeyFingerprint");
        Tools.requireTool("openssl", "openssl");
        String sha = Tools.run("bash", response.path("publicKeyPem"), "bash", "-c",
                "openssl pkey -pubin -outform DER | openssl dgst -sha256 -c").output();
        assertTrue(sha.strip().endsWith("= " + fingerprint), sha + " vs " + fingerprint);
    }

    @Test
    void csrRequestsAreValidatedLikeACa() {
        String id = generate("C-1", "EC_P256");
        as(Roles.STAFF).contentType(ContentType.JSON).body(dvCsr("www.aaa.co.jp", List.of("shop.aaa.co.jp", "bad_name.aaa.co.jp")))
                .post("/keys/{id}/csr", id).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("commonName", "subjectAlternativeNames[1]"));
        Map<String, Object> dvWithOrg = dvCsr("www.aaa.co.jp", List.of());
        dvWithOrg.put("organization", "AAA");
        as(Roles.STAFF).contentType(ContentType.JSON).body(dvWithOrg).post("/keys/{id}/csr", id)
                .then().statusCode(400).body("violations.field", hasItem("organization"));
        as(Roles.STAFF).contentType(ContentType.JSON).body(dvCsr("www.*.aaa.co.jp", List.of()))
                .post("/keys/{id}/csr", id).then().statusCode(400).body("violations.field", hasItem("commonName"));
        // nothing was stored by the refused requests
        as(Roles.STAFF).get("/keys/{id}", id).then().body("csr", nullValue());

        as(Roles.STAFF).contentType(ContentType.JSON).body(dvCsr("*.aaa.co.jp", List.of("*.aaa.co.jp", "aaa.co.jp")))
                .post("/keys/{id}/csr", id).then().statusCode(200)
                .body("csr.subject", equalTo("CN=*.aaa.co.jp"))
                .body("csr.dnsNames", equalTo(List.of("*.aaa.co.jp", "aaa.co.jp")));
    }

    @Test
    void customersSeeOnlyTheirOwnKeysAndOthersAre404() {
        String mine = generate("C-1", "EC_P256");
        String theirs = generate("C-2", "EC_P256");
        as(Roles.CUSTOMER).get("/keys/{id}", mine).then().statusCode(200);
        as(Roles.CUSTOMER).get("/keys/{id}", theirs).then().statusCode(404).contentType("application/problem+json");
        as(Roles.CUSTOMER).post("/keys/{id}/passphrase", theirs).then().statusCode(404);
        as(Roles.CUSTOMER).queryParam("size", 200).get("/keys")
                .then().statusCode(200).body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)));
        // asking for another customer's keys finds nothing, never theirs
        as(Roles.CUSTOMER).queryParam("customerId", "C-2").queryParam("size", 200).get("/keys")
                .then().statusCode(200).body("total", equalTo(0));
        // the refusal is audited as a denial even though the answer looks like "missing"
        as(Roles.ADMIN).queryParam("target", theirs).queryParam("action", "key.read").get("/audit")
                .then().statusCode(200).body("items.outcome", hasItem("DENIED"));
        as(Roles.CUSTOMER).get("/keys/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void passphraseIsRevealedToTheOwnerAndStaffOnlyAndAudited() {
        String id = generate("C-1", "EC_P256");
        String passphrase = as(Roles.CUSTOMER).post("/keys/{id}/passphrase", id).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("passphrase", matchesPattern("([3-9A-Za-z]{4}-){5}[3-9A-Za-z]{4}"))
                .extract().path("passphrase");
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200).body("passphrase", equalTo(passphrase));
        as(Roles.SERVICE).post("/keys/{id}/passphrase", id).then().statusCode(403);
        as(Roles.ADMIN).queryParam("target", id).queryParam("action", "key.passphrase.reveal").get("/audit")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.detail", not(hasItem(containsString(passphrase))));
    }

    @Test
    void rolesAndInputAreChecked() {
        as(Roles.CUSTOMER).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-1", "label", "x", "algorithm", "EC_P256")).post("/keys")
                .then().statusCode(403).contentType("application/problem+json");
        as(Roles.DEPLOYER).get("/keys").then().statusCode(403);
        as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-1", "label", "x", "algorithm", "DSA_1024")).post("/keys")
                .then().statusCode(400).body("violations.field", hasItem("algorithm"));
        as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("label", "x")).post("/keys")
                .then().statusCode(400).body("violations.field", hasItems("customerId", "algorithm"));
        as(Roles.STAFF).get("/keys/not-a-uuid").then().statusCode(400).body("violations[0].field", equalTo("keyId"));
        String noCustomerClaim = TestTokens.claims().subject("x").groups(Roles.CUSTOMER).sign();
        RestAssured.given().auth().oauth2(noCustomerClaim).get("/keys").then().statusCode(403);
    }
}
