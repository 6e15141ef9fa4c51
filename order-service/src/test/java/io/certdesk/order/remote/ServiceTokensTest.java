package io.certdesk.order.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** order-service's own tokens: read from a key file, one audience per callee, reused until a third is left. */
class ServiceTokensTest {

    private static ServiceTokenConfig config(String location) {
        return new ServiceTokenConfig() {
            @Override
            public String keyLocation() {
                return location;
            }

            @Override
            public String keyId() {
                return "order-service";
            }

            @Override
            public String issuer() {
                return "https://certdesk.local/issuer";
            }

            @Override
            public Duration lifetime() {
                return Duration.ofMinutes(5);
            }
        };
    }

    @Test
    void aTokenPerCalleeSignedWithTheKeyFile(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("order-service-private.pem");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("jwt/order-service-private.pem")) {
            Files.write(key, in.readAllBytes());
        }
        ServiceTokens tokens = new ServiceTokens(config(key.toString()));
        String keystore = tokens.forAudience("keystore-service");
        JsonNode header = part(keystore, 0);
        JsonNode claims = part(keystore, 1);
        assertEquals("order-service", header.path("kid").asText());
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("keystore-service", claims.path("aud").isArray() ? claims.path("aud").get(0).asText()
                : claims.path("aud").asText());
        assertEquals("order-service", claims.path("sub").asText());
        assertEquals("service", claims.path("groups").get(0).asText());
        assertEquals(300, claims.path("exp").asLong() - claims.path("iat").asLong());
        assertSame(keystore, tokens.forAudience("keystore-service"), "reused while most of its life is left");
        assertTrue(!keystore.equals(tokens.forAudience("binding-service")), "another audience, another token");
    }

    @Test
    void aMissingKeyFileNamesTheSetting() {
        ServiceTokens tokens = new ServiceTokens(config("/nonexistent/order-service-private.pem"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tokens.forAudience("binding-service"));
        assertTrue(e.getMessage().contains("CERTDESK_SERVICE_TOKEN_KEY_LOCATION"), e.getMessage());
    }

    private static JsonNode part(String jwt, int index) throws Exception {
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]),
                StandardCharsets.UTF_8));
    }
}
