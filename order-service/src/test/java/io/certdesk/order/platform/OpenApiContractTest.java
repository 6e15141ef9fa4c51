package io.certdesk.order.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The contract check: the API this service serves must equal its committed OpenAPI file.
 * After an intended API change, run the build with -Dcertdesk.openapi.update=true to rewrite the file,
 * then review and commit the diff.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OpenApiContractTest {

    @Test
    void servedApiMatchesCommittedContract() throws IOException {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        Path contract = Path.of("src/main/openapi/" + service + ".yaml");
        String served = given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("certdesk.openapi.update")) {
            Files.createDirectories(contract.getParent());
            Files.writeString(contract, served, StandardCharsets.UTF_8);
        }
        String committed = Files.readString(contract, StandardCharsets.UTF_8);
        assertEquals(committed, served, "The served API differs from " + contract
                + "; if the change is intended, rebuild with -Dcertdesk.openapi.update=true and commit the file");
    }
}
