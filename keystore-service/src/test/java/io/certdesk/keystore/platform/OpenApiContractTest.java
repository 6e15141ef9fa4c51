package io.certdesk.keystore.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The contract check: the API this service serves must equal its committed OpenAPI file.
 * After an intended API change, run the build with -Dcertdesk.openapi.update=true to rewrite the file,
 * then review and commit the diff.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("src/main/openapi/keystore-service.yaml");

    @Test
    void servedApiMatchesCommittedContract() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("certdesk.openapi.update")) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        String committed = Files.readString(CONTRACT, StandardCharsets.UTF_8);
        assertEquals(committed, served, "The served API differs from " + CONTRACT
                + "; if the change is intended, rebuild with -Dcertdesk.openapi.update=true and commit the file");
    }
}
