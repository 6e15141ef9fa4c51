package io.certdesk.keystore.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A CA that answers with a rate limit (pebble has none): the attempt is put off until the CA's
 * Retry-After, or by the backoff when it gives none; a refusal that is not transient fails for good.
 */
class AcmeClientRateLimitTest {

    private HttpServer server;

    private URI stubCa(int status, String problemType, String retryAfter) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/dir", ex -> send(ex, 200, "application/json", "{\"newNonce\":\"" + base + "/nonce\","
                + "\"newAccount\":\"" + base + "/account\",\"newOrder\":\"" + base + "/order\"}", null));
        server.createContext("/nonce", ex -> {
            ex.getResponseHeaders().add("Replay-Nonce", "bm9uY2U" + System.nanoTime());
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.createContext("/account", ex -> {
            ex.getResponseHeaders().add("Replay-Nonce", "bm9uY2U" + System.nanoTime());
            send(ex, status, "application/problem+json",
                    "{\"type\":\"" + problemType + "\",\"detail\":\"too many new accounts\"}", retryAfter);
        });
        server.start();
        return URI.create(base + "/dir");
    }

    private static void send(HttpExchange ex, int status, String type, String body, String retryAfter) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        if (retryAfter != null) {
            ex.getResponseHeaders().add("Retry-After", retryAfter);
        }
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static AcmeClient.Outcome attempt(URI directory) {
        AcmeClient client = new AcmeClient(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5));
        AcmeClient.Job job = new AcmeClient.Job(UUID.randomUUID(), directory, ecKeyPair(),
                null, List.of("www.example.test"), new byte[0]);
        AcmeClient.Responder none = new AcmeClient.Responder() {
            @Override
            public void publish(String token, String keyAuthorization) {
                throw new AssertionError("no challenge expected");
            }

            @Override
            public void withdraw(String token) {
                throw new AssertionError("no challenge expected");
            }
        };
        return attempt(client, job, none);
    }

    private static java.security.KeyPair ecKeyPair() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AcmeClient.Outcome attempt(AcmeClient client, AcmeClient.Job job, AcmeClient.Responder responder) {
        return client.obtain(job, responder, Duration.ofMinutes(2));
    }

    @Test
    void rateLimitIsRetriedWhenTheCaSays() throws IOException {
        Instant later = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        URI directory = stubCa(429, "urn:ietf:params:acme:error:rateLimited",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(later.atOffset(ZoneOffset.UTC)));
        AcmeClient.Outcome.Retry retry = assertInstanceOf(AcmeClient.Outcome.Retry.class, attempt(directory));
        assertEquals(later, retry.at());
        assertEquals("urn:ietf:params:acme:error:rateLimited", retry.problemType());
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOff() throws IOException {
        URI directory = stubCa(429, "urn:ietf:params:acme:error:rateLimited", null);
        Instant before = Instant.now();
        AcmeClient.Outcome.Retry retry = assertInstanceOf(AcmeClient.Outcome.Retry.class, attempt(directory));
        assertTrue(!retry.at().isBefore(before.plus(Duration.ofMinutes(2))), retry.toString());
    }

    @Test
    void aDefinitiveRefusalFailsForGood() throws IOException {
        URI directory = stubCa(403, "urn:ietf:params:acme:error:rejectedIdentifier", null);
        AcmeClient.Outcome.Failed failed = assertInstanceOf(AcmeClient.Outcome.Failed.class, attempt(directory));
        assertEquals("urn:ietf:params:acme:error:rejectedIdentifier", failed.problemType());
    }

    @Test
    void anUnreachableCaIsRetried() {
        AcmeClient.Outcome outcome = attempt(URI.create("http://127.0.0.1:1/dir"));
        assertInstanceOf(AcmeClient.Outcome.Retry.class, outcome);
    }
}
