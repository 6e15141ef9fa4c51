package io.certdesk.keystore.key;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Someone with write access to the database changes stored secrets or the audit log: each is caught. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TamperTest {

    @Inject
    Pool db;

    private void sql(String statement, Object... params) {
        db.preparedQuery(statement).execute(Tuple.from(List.of(params))).await().indefinitely();
    }

    /** Damaged keys are removed again, so later rotations in this JVM see only sound rows. */
    @org.junit.jupiter.api.AfterEach
    void removeDamagedKeys() {
        db.query("delete from managed_key where customer_id = 'C-9090'").execute().await().indefinitely();
    }

    @Test
    void aKeyHandedToAnotherCustomerInTheDatabaseDecryptsForNobody() {
        String id = KeyResourceTest.generate("C-9090", "EC_P256");
        sql("update managed_key set customer_id = 'C-9091' where id = $1", UUID.fromString(id));
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(500)
                .body("type", equalTo("https://certdesk.io/problems/integrity")).body("passphrase", equalTo(null));
        io.restassured.RestAssured.given().auth().oauth2(io.certdesk.keystore.platform.TestTokens.claims()
                .subject("new-owner").groups(Roles.CUSTOMER).claim("customer_id", "C-9091").sign())
                .post("/keys/{id}/passphrase", id).then().statusCode(500)
                .body("type", equalTo("https://certdesk.io/problems/integrity"));
        // put back, it decrypts again: the binding is the owner, not a flag that broke the row
        sql("update managed_key set customer_id = 'C-9090' where id = $1", UUID.fromString(id));
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(200);
    }

    @Test
    void anInternalKeyMadeExternalInTheDatabaseDecryptsForNobody() {
        // the development CA's key is internal; one LOCAL issuance makes sure it exists
        String key = KeyResourceTest.generate("C-1", "EC_P256");
        as(Roles.STAFF).contentType(ContentType.JSON).body(KeyResourceTest.dvCsr("www.internal.example.jp", List.of()))
                .post("/keys/{id}/csr", key).then().statusCode(200);
        as(Roles.STAFF).contentType(ContentType.JSON).body(java.util.Map.of("keyId", key, "issuer", "LOCAL", "serverId", "61",
                "masterDomain", "www.internal.example.jp")).post("/issuances").then().statusCode(201);
        UUID internal = db.query("select id from managed_key where internal order by created_at limit 1").execute()
                .await().indefinitely().iterator().next().getUUID("id");
        String owner = db.preparedQuery("select customer_id from managed_key where id = $1").execute(Tuple.of(internal))
                .await().indefinitely().iterator().next().getString("customer_id");
        try {
            sql("update managed_key set internal = false, customer_id = 'C-9092' where id = $1", internal);
            as(Roles.STAFF).post("/keys/{id}/passphrase", internal.toString()).then().statusCode(500)
                    .body("type", equalTo("https://certdesk.io/problems/integrity"));
            as(Roles.STAFF).post("/keys/{id}/exports", internal.toString()).then().statusCode(500)
                    .body("type", equalTo("https://certdesk.io/problems/integrity"));
        } finally {
            sql("update managed_key set internal = true, customer_id = $2 where id = $1", internal, owner);
        }
    }

    @Test
    void aKeySetBackToTheUnboundFormIsRefused() {
        String id = KeyResourceTest.generate("C-9090", "EC_P256");
        sql("update managed_key set aad_version = 1 where id = $1", UUID.fromString(id));
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(500)
                .body("type", equalTo("https://certdesk.io/problems/integrity"));
    }

    @Test
    void flippedPrivateKeyCiphertextIsDetected() {
        String id = KeyResourceTest.generate("C-9090", "EC_P256");
        sql("update managed_key set private_key_ct = set_byte(private_key_ct, 20, get_byte(private_key_ct, 20) # 1) where id = $1",
                UUID.fromString(id));
        as(Roles.STAFF).contentType(ContentType.JSON).body(KeyResourceTest.dvCsr("www.aaa.co.jp", List.of()))
                .post("/keys/{id}/csr", id)
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo("https://certdesk.io/problems/integrity"))
                .body("detail", not(containsString("Exception")));
        as(Roles.STAFF).get("/keys/{id}", id).then().body("csr", equalTo(null));
        as(Roles.ADMIN).queryParam("target", id).queryParam("action", "key.csr").get("/audit")
                .then().body("items.outcome", hasItem("FAILED"));
    }

    @Test
    void flippedWrappedDataKeyIsDetected() {
        String id = KeyResourceTest.generate("C-9090", "EC_P256");
        sql("update managed_key set passphrase_dek = set_byte(passphrase_dek, 30, get_byte(passphrase_dek, 30) # 128) where id = $1",
                UUID.fromString(id));
        as(Roles.STAFF).post("/keys/{id}/passphrase", id).then().statusCode(500)
                .body("type", equalTo("https://certdesk.io/problems/integrity"))
                .body("passphrase", equalTo(null));
    }

    @Test
    void ciphertextsSwappedBetweenRowsDoNotDecrypt() {
        UUID a = UUID.fromString(KeyResourceTest.generate("C-9090", "EC_P256"));
        UUID b = UUID.fromString(KeyResourceTest.generate("C-9090", "EC_P256"));
        // the whole envelope (ciphertext and its wrapped data key) of b's passphrase moved onto a
        sql("update managed_key t set passphrase_ct = s.passphrase_ct, passphrase_dek = s.passphrase_dek "
                + "from managed_key s where t.id = $1 and s.id = $2", a, b);
        as(Roles.STAFF).post("/keys/{id}/passphrase", a.toString()).then().statusCode(500)
                .body("type", equalTo("https://certdesk.io/problems/integrity"));
        sql("update managed_key t set private_key_ct = s.private_key_ct, private_key_dek = s.private_key_dek "
                + "from managed_key s where t.id = $1 and s.id = $2", a, b);
        as(Roles.STAFF).contentType(ContentType.JSON).body(KeyResourceTest.dvCsr("www.aaa.co.jp", List.of()))
                .post("/keys/{id}/csr", a.toString()).then().statusCode(500)
                .body("type", equalTo("https://certdesk.io/problems/integrity"));
        // b itself is untouched and still works
        as(Roles.STAFF).post("/keys/{id}/passphrase", b.toString()).then().statusCode(200);
    }

    @Test
    void auditLogIsAppendOnlyAndAnEditedEntryIsPinpointed() {
        KeyResourceTest.generate("C-9090", "EC_P256");
        as(Roles.ADMIN).get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        // the application's connection cannot change entries at all
        try {
            sql("update audit_entry set actor = 'someone-else' where seq = 1");
            throw new AssertionError("update of an audit entry was allowed");
        } catch (RuntimeException expected) {
            // refused by the append-only trigger
        }
        var newest = as(Roles.ADMIN).queryParam("size", 1).get("/audit").then().extract();
        long target = ((Number) newest.path("items[0].seq")).longValue();
        String outcome = newest.path("items[0].outcome");
        String detail = newest.path("items[0].detail");
        // a superuser who bypasses the trigger still cannot hide the edit
        db.withConnection(c -> c.query("set session_replication_role = replica").execute()
                .chain(() -> c.preparedQuery("update audit_entry set outcome = 'SUCCESS', detail = 'nothing to see' where seq = $1")
                        .execute(Tuple.of(target)))
                .chain(() -> c.query("set session_replication_role = origin").execute()))
                .await().indefinitely();
        as(Roles.ADMIN).get("/audit/verify").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo((int) target))
                .body("verifiedEntries", equalTo((int) target - 1))
                .body("problem", containsString("altered"));

        // put it back: the chain is whole again, so later tests see an intact log
        db.withConnection(c -> c.query("set session_replication_role = replica").execute()
                .chain(() -> c.preparedQuery("update audit_entry set outcome = $1, detail = $2 where seq = $3")
                        .execute(Tuple.of(outcome, detail, target)))
                .chain(() -> c.query("set session_replication_role = origin").execute()))
                .await().indefinitely();
        as(Roles.ADMIN).get("/audit/verify").then().body("intact", equalTo(true));
    }

    @Inject
    io.certdesk.keystore.audit.AuditCheckpoints checkpoints;

    /** Runs statements as a superuser who bypasses the append-only triggers. */
    private void asSuperuser(String... statements) {
        db.withConnection(c -> {
            io.smallrye.mutiny.Uni<?> chain = c.query("set session_replication_role = replica").execute();
            for (String statement : statements) {
                chain = chain.chain(() -> c.query(statement).execute());
            }
            return chain.chain(() -> c.query("set session_replication_role = origin").execute());
        }).await().indefinitely();
    }

    private io.vertx.mutiny.sqlclient.Row head() {
        return db.query("select last_seq, last_hash, mac from audit_head").execute().await().indefinitely().iterator().next();
    }

    @Test
    void cuttingEntriesOffTheEndIsCaughtEvenWithAnOldHeadPutBack() throws Throwable {
        KeyResourceTest.generate("C-9091", "EC_P256");
        // a database writer keeps a copy of the head as it stands (its MAC is genuine)
        var old = head();
        long oldSeq = old.getLong("last_seq");
        KeyResourceTest.generate("C-9091", "EC_P256");
        KeyResourceTest.generate("C-9091", "EC_P256");
        var checkpoint = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> checkpoints.write());
        var now = head();
        org.junit.jupiter.api.Assertions.assertEquals(now.getLong("last_seq"), checkpoint.seq());
        as(Roles.ADMIN).get("/audit/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("checkpoint.seq", equalTo((int) checkpoint.seq()));

        // the newest entries are cut off and the old head row is put back
        asSuperuser("create table audit_cut as select * from audit_entry where seq > " + oldSeq,
                "delete from audit_entry where seq > " + oldSeq,
                "update audit_head set last_seq = " + oldSeq + ", last_hash = '" + old.getString("last_hash")
                        + "', mac = '" + old.getString("mac") + "'");
        as(Roles.ADMIN).get("/audit/verify").then().statusCode(200).body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo((int) oldSeq + 1))
                .body("problem", containsString("cut off its end"));

        // a head moved by someone without the audit key is caught at once
        asSuperuser("update audit_head set last_seq = last_seq - 1");
        as(Roles.ADMIN).get("/audit/verify").then().body("intact", equalTo(false))
                .body("problem", containsString("head of the chain"));

        // put everything back, so later tests see an intact log
        asSuperuser("insert into audit_entry select * from audit_cut", "drop table audit_cut",
                "update audit_head set last_seq = " + now.getLong("last_seq") + ", last_hash = '"
                        + now.getString("last_hash") + "', mac = '" + now.getString("mac") + "'");
        as(Roles.ADMIN).get("/audit/verify").then().body("intact", equalTo(true));
    }
}
