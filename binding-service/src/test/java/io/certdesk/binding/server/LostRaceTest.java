package io.certdesk.binding.server;

import static io.certdesk.binding.platform.TestTokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A request that passes the service's own checks and then loses the race at the database (another
 * transaction commits the same hostname while the insert waits on the unique index) answers 409.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LostRaceTest {

    @Inject
    Pool db;

    @Test
    void uniqueViolationAtCommitIsAConflictNotAnError() throws Exception {
        String hostname = "race" + Fixtures.next() + ".hosting.example.jp";
        SqlConnection connection = db.getConnection().await().indefinitely();
        try {
            Transaction tx = connection.begin().await().indefinitely();
            connection.preparedQuery("insert into server (hostname, customer_id, master_domain, primary_ip, plan_code, "
                            + "additional_ip_limit, created_at, updated_at) values ($1, 'C-9', 'www.race.example.jp', $2, 'P', 0, now(), now())")
                    .execute(Tuple.of(hostname, Fixtures.primaryIp())).await().indefinitely();

            Map<String, Object> body = new HashMap<>();
            body.put("hostname", hostname);
            body.put("customerId", "C-9");
            body.put("masterDomain", "www.race.example.jp");
            body.put("primaryIp", Fixtures.primaryIp());
            body.put("plan", Map.of("code", "P", "additionalIpLimit", 0));
            CompletableFuture<Response> racing = CompletableFuture.supplyAsync(() ->
                    as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/servers"));
            // the request's own check saw no such hostname; its insert now waits on our uncommitted row
            Thread.sleep(4000);
            tx.commit().await().indefinitely();
            Response answer = racing.get();
            assertEquals(409, answer.statusCode(), answer.asString());
            assertEquals("application/problem+json", answer.contentType());
        } finally {
            connection.close().await().indefinitely();
        }
    }
}
