package io.certdesk.keystore.audit;

import static io.certdesk.keystore.platform.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.certdesk.keystore.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An action and its audit entry commit together: when the entry cannot be written, the action does not happen. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuditTransactionTest {

    private static final String ACTOR = "audit-breaker";

    @Inject
    Pool db;

    @AfterEach
    void mendTheAuditTable() {
        db.query("drop trigger if exists break_audit on audit_entry").execute().await().indefinitely();
    }

    @Test
    void aKeyWhoseAuditEntryFailsIsNotKept() {
        db.query("create or replace function break_audit() returns trigger language plpgsql as $$ begin "
                + "if new.actor = '" + ACTOR + "' and new.outcome = 'SUCCESS' then raise exception 'audit store down'; "
                + "end if; return new; end $$").execute().await().indefinitely();
        db.query("create trigger break_audit before insert on audit_entry for each row execute function break_audit()")
                .execute().await().indefinitely();
        String label = "unaudited-" + UUID.randomUUID() + ".example.jp";
        String token = TestTokens.claims().subject(ACTOR).groups(Roles.STAFF).expiresIn(Duration.ofMinutes(5))
                .jws().keyId(TestTokens.KEY_ID).sign();
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("customerId", "C-1", "label", label, "algorithm", "EC_P256")).post("/keys")
                .then().statusCode(500).contentType("application/problem+json");
        long kept = db.preparedQuery("select count(*) as n from managed_key where label = $1").execute(Tuple.of(label))
                .await().indefinitely().iterator().next().getLong("n");
        assertEquals(0, kept, "the key was committed without its audit entry");
        as(Roles.ADMIN).queryParam("actor", ACTOR).queryParam("outcome", "SUCCESS").get("/audit").then().statusCode(200)
                .body("total", equalTo(0));
        as(Roles.ADMIN).get("/audit/verify").then().body("intact", equalTo(true));
    }
}
