package io.certdesk.keystore.metrics;

import static io.certdesk.keystore.platform.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.certdesk.keystore.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The vault's seal and the audit chain's last verification, as Prometheus scrapes them at /q/metrics. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CustodyMetricsTest {

    @Inject
    CustodyMetrics metrics;

    @Test
    void theSealAndTheAuditChainAreScraped() throws Throwable {
        assertTrue(scrape().contains("\ncertdesk_vault_sealed 0.0\n"), scrape());
        as(Roles.ADMIN).post("/sys/seal").then().statusCode(200);
        try {
            assertTrue(scrape().contains("\ncertdesk_vault_sealed 1.0\n"), scrape());
        } finally {
            as(Roles.ADMIN).contentType(ContentType.JSON).body("{}").post("/sys/unseal").then().statusCode(200);
        }
        assertTrue(scrape().contains("\ncertdesk_vault_sealed 0.0\n"));

        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> metrics.verifyAudit());
        assertTrue(scrape().contains("\ncertdesk_audit_chain_intact 1.0\n"), scrape());
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
