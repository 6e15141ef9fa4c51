package io.certdesk.keystore.issuance;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.key.KeyResourceTest;
import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.TestTokens;
import io.certdesk.keystore.platform.Tools;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** From CSR to an installed certificate: LOCAL and MANUAL issuance, export, deploy, move, reissue. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IssuanceFlowTest {

    @Inject
    Pool db;

    @Inject
    io.certdesk.keystore.certificate.UnsealedPlacements unsealed;

    static final TestCa CA = new TestCa();

    private static String keyWithCsr(String customer, String algorithm, String cn, List<String> sans) {
        String id = KeyResourceTest.generate(customer, algorithm);
        as(Roles.STAFF).contentType(ContentType.JSON).body(KeyResourceTest.dvCsr(cn, sans)).post("/keys/{id}/csr", id)
                .then().statusCode(200);
        return id;
    }

    private static io.restassured.response.ValidatableResponse issue(String keyId, String issuer, String server, String master) {
        return as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("keyId", keyId, "issuer", issuer, "serverId", server, "masterDomain", master))
                .post("/issuances").then();
    }

    private static io.restassured.specification.RequestSpecification deployer(String serverId) {
        return RestAssured.given().auth().oauth2(TestTokens.claims().subject("deployer-" + serverId)
                .groups(Roles.DEPLOYER).claim("server_id", serverId).sign());
    }

    @Test
    void localCaIssuesAtOnceAndOpensslVerifiesTheChain() throws IOException {
        String key = keyWithCsr("C-1", "EC_P256", "www.local.example.jp", List.of("www.local.example.jp", "local.example.jp"));
        String certId = issue(key, "LOCAL", "7", "www.local.example.jp").statusCode(201)
                .body("status", equalTo("ISSUED")).extract().path("certificateId");
        var cert = as(Roles.STAFF).get("/certificates/{id}", certId).then().statusCode(200)
                .body("dnsNames", equalTo(List.of("www.local.example.jp", "local.example.jp")))
                .body("keyId", equalTo(key))
                .body("servers.serverId", equalTo(List.of("7")))
                .extract();
        Path dir = Files.createTempDirectory("local-ca");
        Files.writeString(dir.resolve("leaf.pem"), (String) cert.path("certificatePem"));
        Files.writeString(dir.resolve("root.pem"), (String) cert.path("chainPem"));
        String verified = Tools.openssl(null, "verify", "-CAfile", dir.resolve("root.pem").toString(),
                dir.resolve("leaf.pem").toString());
        assertTrue(verified.contains(": OK"), verified);
    }

    @Test
    void manualUploadChecksEverythingAndStoresNothingOnFailure() throws Exception {
        String key = keyWithCsr("C-1", "RSA_2048", "www.manual.example.jp", List.of("www.manual.example.jp", "manual.example.jp"));
        String publicKeyPem = as(Roles.STAFF).get("/keys/{id}", key).then().extract().path("publicKeyPem");
        String issuance = issue(key, "MANUAL", "7", "www.manual.example.jp").statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        Instant now = Instant.now();
        List<String> names = List.of("www.manual.example.jp", "manual.example.jp");
        var good = CA.leaf(publicKeyPem, names, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(397)));

        upload(issuance, "not a certificate".getBytes(), "text/plain", 422, "certificate-unparseable");
        String otherKey = as(Roles.STAFF).get("/keys/{id}", KeyResourceTest.generate("C-1", "EC_P256")).then().extract().path("publicKeyPem");
        upload(issuance, TestCa.pem(CA.leaf(otherKey, names, now.minusSeconds(60), now.plus(Duration.ofDays(90))), CA.intermediate).getBytes(),
                "application/x-pem-file", 422, "certificate-key-mismatch");
        upload(issuance, TestCa.pem(CA.leaf(publicKeyPem, List.of("www.manual.example.jp"), now.minusSeconds(60), now.plus(Duration.ofDays(90))),
                CA.intermediate).getBytes(), "application/x-pem-file", 422, "certificate-names-not-covered");
        upload(issuance, TestCa.pem(CA.leaf(publicKeyPem, names, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))),
                CA.intermediate).getBytes(), "application/x-pem-file", 422, "certificate-not-valid-now");
        upload(issuance, TestCa.pem(good).getBytes(), "application/x-pem-file", 422, "certificate-chain-broken");
        // a CA certificate, or one not meant for TLS servers, is no web server's certificate
        upload(issuance, TestCa.pem(CA.leaf(publicKeyPem, names, now.minusSeconds(60), now.plus(Duration.ofDays(90)), true,
                true), CA.intermediate).getBytes(), "application/x-pem-file", 422, "certificate-not-for-servers");
        upload(issuance, TestCa.pem(CA.leaf(publicKeyPem, names, now.minusSeconds(60), now.plus(Duration.ofDays(90)), false,
                false), CA.intermediate).getBytes(), "application/x-pem-file", 422, "certificate-not-for-servers");
        var stranger = new TestCa();
        upload(issuance, TestCa.pem(good, stranger.intermediate).getBytes(), "application/x-pem-file", 422, "certificate-chain-broken");
        as(Roles.STAFF).queryParam("domain", "www.manual.example.jp").get("/certificates").then().body("total", equalTo(0));
        as(Roles.STAFF).get("/issuances/{id}", issuance).then().body("status", equalTo("PENDING"));

        // chain in any order, as DER PKCS#7 too
        byte[] pkcs7 = CertificateFactory.getInstance("X.509")
                .generateCertPath(List.of(CA.root, good, CA.intermediate)).getEncoded("PKCS7");
        String certId = as(Roles.STAFF).contentType("application/pkcs7-mime").body(pkcs7)
                .post("/issuances/{id}/certificate", issuance).then().statusCode(200)
                .body("status", equalTo("ISSUED")).extract().path("certificateId");
        as(Roles.STAFF).get("/certificates/{id}", certId).then()
                .body("serial", equalTo(good.getSerialNumber().toString(16)))
                .body("chainPem", containsString("BEGIN CERTIFICATE"));
        upload(issuance, TestCa.pem(good, CA.intermediate).getBytes(), "application/x-pem-file", 409, "conflict");
        as(Roles.CUSTOMER).contentType("application/x-pem-file").body(TestCa.pem(good).getBytes())
                .post("/issuances/{id}/certificate", issuance).then().statusCode(403);
    }

    private static void upload(String issuance, byte[] body, String type, int status, String problem) {
        as(Roles.STAFF).contentType(type).body(body).post("/issuances/{id}/certificate", issuance)
                .then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/" + problem));
    }

    @Test
    void issuanceNeedsACsrAndAValidMasterDomain() {
        String bare = KeyResourceTest.generate("C-1", "EC_P256");
        issue(bare, "LOCAL", "7", "www.x.example.jp").statusCode(409).body("detail", containsString("no CSR"));
        issue(bare, "LOCAL", "7", "bad_domain").statusCode(400);
        issue(UUID.randomUUID().toString(), "MANUAL", "7", "www.x.example.jp").statusCode(404);
    }

    @Test
    void exportBundleOpensWithOpensslAndThePassphrase() throws Exception {
        String key = keyWithCsr("C-1", "RSA_2048", "www.bundle.example.jp", List.of());
        issue(key, "LOCAL", "7", "www.bundle.example.jp").statusCode(201);
        String passphrase = as(Roles.CUSTOMER).post("/keys/{id}/passphrase", key).then().extract().path("passphrase");
        byte[] zip = as(Roles.CUSTOMER).post("/keys/{id}/exports", key).then().statusCode(200)
                .contentType("application/zip").header("Cache-Control", "no-store").extract().asByteArray();
        Path dir = Files.createTempDirectory("bundle");
        Map<String, Path> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path f = dir.resolve(e.getName());
                Files.write(f, in.readAllBytes());
                files.put(e.getName().replace("www.aaa.co.jp.", ""), f);
            }
        }
        assertEquals(java.util.Set.of("key.pem", "csr.pem", "crt.pem", "chain.pem", "p12", "README.txt"), files.keySet());
        String keyPem = Files.readString(files.get("key.pem"));
        assertTrue(keyPem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertTrue(!new String(zip, java.nio.charset.StandardCharsets.ISO_8859_1).contains(passphrase), "passphrase leaked into the bundle");

        String pass = "pass:" + passphrase;
        String keyPub = Tools.openssl(null, "pkey", "-in", files.get("key.pem").toString(), "-passin", pass, "-pubout");
        String certPub = Tools.openssl(null, "x509", "-in", files.get("crt.pem").toString(), "-noout", "-pubkey");
        assertEquals(certPub, keyPub, "the key does not belong to the certificate");
        String pkcs8 = Tools.openssl(null, "pkcs8", "-in", files.get("key.pem").toString(), "-passin", pass);
        assertTrue(pkcs8.contains("BEGIN PRIVATE KEY"));
        Tools.Result wrong = Tools.run("openssl", null, "openssl", "pkcs8", "-in", files.get("key.pem").toString(),
                "-passin", "pass:wrong");
        assertNotEquals(0, wrong.exitCode());
        String info = Tools.openssl(null, "pkcs12", "-in", files.get("p12").toString(), "-passin", pass,
                "-info", "-nodes");
        assertTrue(info.contains("AES-256-CBC") && info.contains("sha256"), info);
        // explicit PBKDF2 rounds for the key and the MAC, not the JDK's default of 10,000
        assertTrue(info.contains("Iteration 600000"), info);
        assertTrue(info.contains("MAC: sha256, Iteration 600000"), info);
        assertTrue(info.contains("BEGIN PRIVATE KEY") && info.contains("BEGIN CERTIFICATE"), info);

        as(Roles.STAFF).post("/keys/{id}/exports", key).then().statusCode(200);
        String others = keyWithCsr("C-2", "EC_P256", "www.other.example.jp", List.of());
        as(Roles.CUSTOMER).post("/keys/{id}/exports", others).then().statusCode(404);
        as(Roles.SERVICE).post("/keys/{id}/exports", key).then().statusCode(403);
    }

    @Test
    void deployMaterialLoadsInNginxForItsOwnServerOnly() throws Exception {
        String key = keyWithCsr("C-1", "EC_P384", "www.deploy.example.jp", List.of("www.deploy.example.jp", "deploy.example.jp"));
        issue(key, "LOCAL", "31", "www.deploy.example.jp").statusCode(201);

        var material = deployer("31").get("/servers/31/tls/{domain}", "WWW.Deploy.Example.JP").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("directory", equalTo("/etc/certdesk/tls/www.deploy.example.jp"))
                .body("files.name", equalTo(List.of("fullchain.pem", "privkey.pem", "passphrase")))
                .extract();
        Path dir = Files.createTempDirectory("deploy");
        List<Map<String, String>> files = material.path("files");
        for (Map<String, String> f : files) {
            Files.writeString(dir.resolve(f.get("name")), f.get("content"));
        }
        assertTrue(Files.readString(dir.resolve("privkey.pem")).contains("ENCRYPTED PRIVATE KEY"));
        Tools.requireTool("nginx", "nginx");
        Files.writeString(dir.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                    client_body_temp_path %1$s; proxy_temp_path %1$s; fastcgi_temp_path %1$s; uwsgi_temp_path %1$s; scgi_temp_path %1$s;
                    server {
                        listen 127.0.0.1:38991 ssl;
                        server_name www.deploy.example.jp;
                        ssl_certificate %1$s/fullchain.pem;
                        ssl_certificate_key %1$s/privkey.pem;
                        ssl_password_file %1$s/passphrase;
                    }
                }
                """.formatted(dir));
        Tools.Result test = Tools.run("nginx", null, "nginx", "-t", "-q", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString());
        assertEquals(0, test.exitCode(), test.output());

        // another server's deployer: answered like a missing server, as binding-service answers it
        deployer("32").get("/servers/31/tls/www.deploy.example.jp").then().statusCode(404)
                .contentType("application/problem+json");
        deployer("31").get("/servers/31/tls/unknown.example.jp").then().statusCode(404);
        deployer("31").get("/servers/31/tls/bad_name").then().statusCode(400);
        as(Roles.STAFF).get("/servers/31/tls/www.deploy.example.jp").then().statusCode(403);
        as(Roles.ADMIN).queryParam("action", "key.deploy-fetch").queryParam("size", 50).get("/audit").then()
                .body("items.outcome", hasItem("DENIED")).body("items.outcome", hasItem("SUCCESS"));
    }

    private static io.restassured.response.ValidatableResponse migrate(String role, String certId, String server,
            String masterDomain, String customer) {
        return as(role).contentType(ContentType.JSON)
                .body(Map.of("targetServerId", server, "targetMasterDomain", masterDomain, "targetCustomerId", customer))
                .post("/certificates/{id}/migrations", certId).then();
    }

    @Test
    void certificateMovesOnlyToTheSameCustomerAndMasterDomainWhileValid() {
        String key = keyWithCsr("C-1", "EC_P256", "www.move.example.jp", List.of());
        String certId = issue(key, "LOCAL", "41", "www.move.example.jp").statusCode(201).extract().path("certificateId");
        deployer("42").get("/servers/42/tls/www.move.example.jp").then().statusCode(404);

        // only order-service moves certificates (it reads the target server from binding-service)
        migrate(Roles.STAFF, certId, "42", "www.move.example.jp", "C-1").statusCode(403);
        migrate(Roles.SERVICE, certId, "42", "www.elsewhere.example.jp", "C-1").statusCode(422)
                .body("type", equalTo("https://certdesk.io/problems/migration-refused"))
                .body("detail", containsString("same master domain"));
        // a server of another customer with the same master domain typed in: refused, and its deployer gets nothing
        migrate(Roles.SERVICE, certId, "42", "www.move.example.jp", "C-2").statusCode(422)
                .body("type", equalTo("https://certdesk.io/problems/migration-refused"))
                .body("detail", containsString("another customer"));
        deployer("42").get("/servers/42/tls/www.move.example.jp").then().statusCode(404);
        migrate(Roles.SERVICE, certId, "42", "WWW.MOVE.EXAMPLE.JP", "C-1").statusCode(200)
                .body("servers.serverId", equalTo(List.of("41", "42")));
        deployer("42").get("/servers/42/tls/www.move.example.jp").then().statusCode(200);

        // the move is confirmed: the old server loses deploy access, on the audit trail; the last server stays
        as(Roles.STAFF).delete("/certificates/{id}/servers/41", certId).then().statusCode(403);
        as(Roles.SERVICE).delete("/certificates/{id}/servers/41", certId).then().statusCode(204);
        as(Roles.SERVICE).delete("/certificates/{id}/servers/41", certId).then().statusCode(204);
        deployer("41").get("/servers/41/tls/www.move.example.jp").then().statusCode(404);
        deployer("42").get("/servers/42/tls/www.move.example.jp").then().statusCode(200);
        as(Roles.SERVICE).delete("/certificates/{id}/servers/42", certId).then().statusCode(409)
                .contentType("application/problem+json");
        as(Roles.STAFF).get("/certificates/{id}", certId).then().body("servers.serverId", equalTo(List.of("42")));
        as(Roles.ADMIN).queryParam("action", "certificate.placement-retire").queryParam("target", certId).get("/audit")
                .then().body("items.outcome", hasItem("SUCCESS")).body("items.outcome", hasItem("FAILED"));

        db.preparedQuery("update certificate set not_after = now() - interval '1 day' where id = $1")
                .execute(Tuple.of(UUID.fromString(certId))).await().indefinitely();
        migrate(Roles.SERVICE, certId, "43", "www.move.example.jp", "C-1").statusCode(422)
                .body("detail", containsString("not valid now"));
        deployer("42").get("/servers/42/tls/www.move.example.jp").then().statusCode(404);
        as(Roles.STAFF).contentType(ContentType.JSON).body("{}").post("/certificates/{id}/reissue", certId)
                .then().statusCode(422);
    }

    @Test
    void aServerAddedToACertificateInTheDatabaseGetsNothing() throws Throwable {
        String key = keyWithCsr("C-1", "EC_P256", "www.placed.example.jp", List.of());
        String certId = issue(key, "LOCAL", "51", "www.placed.example.jp").statusCode(201).extract().path("certificateId");
        deployer("51").get("/servers/51/tls/www.placed.example.jp").then().statusCode(200);
        // a database writer copies the placement to a server of theirs, seal and all
        db.preparedQuery("insert into certificate_server (certificate_id, server_id, master_domain, added_at, added_by, mac) "
                + "select certificate_id, '52', master_domain, added_at, added_by, mac from certificate_server "
                + "where certificate_id = $1 and server_id = '51'").execute(Tuple.of(UUID.fromString(certId)))
                .await().indefinitely();
        deployer("52").get("/servers/52/tls/www.placed.example.jp").then().statusCode(500)
                .contentType("application/problem+json").body("type", equalTo("https://certdesk.io/problems/integrity"))
                .body("files", equalTo(null));
        // or hands the certificate to another customer: its placements no longer hold either
        db.preparedQuery("update certificate set customer_id = 'C-2' where id = $1").execute(Tuple.of(UUID.fromString(certId)))
                .await().indefinitely();
        deployer("51").get("/servers/51/tls/www.placed.example.jp").then().statusCode(500)
                .body("type", equalTo("https://certdesk.io/problems/integrity"));
        db.preparedQuery("update certificate set customer_id = 'C-1' where id = $1").execute(Tuple.of(UUID.fromString(certId)))
                .await().indefinitely();
        deployer("51").get("/servers/51/tls/www.placed.example.jp").then().statusCode(200);
        as(Roles.ADMIN).queryParam("action", "key.deploy-fetch").queryParam("size", 100).get("/audit").then()
                .body("items.detail", hasItem(containsString("integrity check failed")));

        // a placement from before seals existed releases nothing until an operator adopts it (adopt-unbound-keys)
        db.preparedQuery("update certificate_server set mac = null where certificate_id = $1 and server_id = '51'")
                .execute(Tuple.of(UUID.fromString(certId))).await().indefinitely();
        deployer("51").get("/servers/51/tls/www.placed.example.jp").then().statusCode(500);
        int adopted = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() ->
                io.quarkus.hibernate.reactive.panache.Panache.withTransaction(unsealed::sealAll));
        assertTrue(adopted >= 1, "adopted " + adopted);
        deployer("51").get("/servers/51/tls/www.placed.example.jp").then().statusCode(200);
    }

    @Test
    void reissueMakesANewKeyWithTheSameSubjectAndNames() {
        String key = KeyResourceTest.generate("C-1", "RSA_2048");
        Map<String, Object> ov = new HashMap<>();
        ov.put("validationLevel", "OV");
        ov.put("commonName", "www.again.example.jp");
        ov.put("organization", "AAA Co., Ltd.");
        ov.put("locality", "Shibuya-ku");
        ov.put("state", "Tokyo");
        ov.put("country", "JP");
        ov.put("subjectAlternativeNames", List.of("www.again.example.jp", "again.example.jp"));
        as(Roles.STAFF).contentType(ContentType.JSON).body(ov).post("/keys/{id}/csr", key).then().statusCode(200);
        String certId = issue(key, "LOCAL", "51", "www.again.example.jp").statusCode(201).extract().path("certificateId");
        String newKey = as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("algorithm", "EC_P256"))
                .post("/certificates/{id}/reissue", certId).then().statusCode(201)
                .body("algorithm", equalTo("EC_P256"))
                .body("csr.dnsNames", equalTo(List.of("www.again.example.jp", "again.example.jp")))
                .body("csr.subject", equalTo(as(Roles.STAFF).get("/keys/{id}", key).then().extract().<String>path("csr.subject")))
                .body("csr.validationLevel", equalTo("OV"))
                .extract().path("id");
        assertNotEquals(key, newKey);
        issue(newKey, "LOCAL", "51", "www.again.example.jp").statusCode(201).body("status", equalTo("ISSUED"));
    }

    @Test
    void certificatesAreListedForRenewalNoticesAndHiddenFromOtherCustomers() {
        String mine = keyWithCsr("C-1", "EC_P256", "www.list.example.jp", List.of());
        String theirs = keyWithCsr("C-2", "EC_P256", "www.list2.example.jp", List.of());
        String myCert = issue(mine, "LOCAL", "61", "www.list.example.jp").statusCode(201).extract().path("certificateId");
        String theirCert = issue(theirs, "LOCAL", "62", "www.list2.example.jp").statusCode(201).extract().path("certificateId");
        as(Roles.STAFF).queryParam("domain", "www.list.example.jp").get("/certificates").then()
                .body("items.id", equalTo(List.of(myCert)));
        as(Roles.SERVICE).queryParam("expiresAtTo", Instant.now().plus(Duration.ofDays(120)).toString())
                .queryParam("size", 200).get("/certificates").then().body("items.id", hasItem(myCert));
        as(Roles.SERVICE).queryParam("expiresAtTo", Instant.now().plus(Duration.ofDays(30)).toString())
                .queryParam("customerId", "C-1").get("/certificates").then().body("items.id", not(hasItem(myCert)));
        as(Roles.CUSTOMER).queryParam("size", 200).get("/certificates").then()
                .body("items.id", hasItem(myCert)).body("items.id", not(hasItem(theirCert)));
        as(Roles.CUSTOMER).get("/certificates/{id}", theirCert).then().statusCode(404);
        as(Roles.STAFF).queryParam("expiresAtTo", "next week").get("/certificates").then().statusCode(400)
                .body("violations[0].field", equalTo("expiresAtTo"));
    }
}
