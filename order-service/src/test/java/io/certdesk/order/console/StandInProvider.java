package io.certdesk.order.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the organisation's OpenID Connect provider on 127.0.0.1:39555 (where the test profile points the
 * console): /authorize signs in whoever the test chose at once and sends the browser back with a code, or with
 * ?error=access_denied; /token gives the test's access token for that code only against the PKCE verifier whose S256
 * challenge came with it, once, for the same client and redirect URI, as a real provider does.
 */
final class StandInProvider implements AutoCloseable {

    static final int PORT = 39555;
    static final String CLIENT_ID = "certdesk-console";

    private record Grant(String challenge, String redirectUri, String accessToken) {
    }

    private final HttpServer server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final AtomicInteger tokensRefused = new AtomicInteger();
    private volatile String nextToken;
    private volatile boolean deny;

    StandInProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 16);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    /** The person the next sign-in is: their access token; or a refusal when {@code token} is null. */
    void nextSignIn(String token) {
        nextToken = token;
        deny = token == null;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        boolean wellFormed = "code".equals(q.get("response_type")) && CLIENT_ID.equals(q.get("client_id"))
                && "S256".equals(q.get("code_challenge_method")) && q.get("code_challenge") != null
                && q.get("state") != null && redirect != null && redirect.startsWith("http://localhost:");
        if (!wellFormed) {
            send(exchange, 400, "text/plain", "bad authorization request: " + q, null);
            return;
        }
        String answer;
        if (deny) {
            answer = "error=access_denied&error_description=" + encode("利用者が拒否しました") + "&state=" + encode(q.get("state"));
        } else {
            String code = UUID.randomUUID().toString();
            grants.put(code, new Grant(q.get("code_challenge"), redirect, nextToken));
            answer = "code=" + code + "&state=" + encode(q.get("state"));
        }
        exchange.getResponseHeaders().set("Location", redirect + "?" + answer);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = f.get("code") == null ? null : grants.remove(f.get("code"));
        boolean valid = grant != null && "POST".equals(exchange.getRequestMethod())
                && "authorization_code".equals(f.get("grant_type")) && CLIENT_ID.equals(f.get("client_id"))
                && grant.redirectUri().equals(f.get("redirect_uri")) && f.get("code_verifier") != null
                && grant.challenge().equals(s256(f.get("code_verifier")));
        if (!valid) {
            tokensRefused.incrementAndGet();
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}", origin);
            return;
        }
        tokensIssued.incrementAndGet();
        send(exchange, 200, "application/json", "{\"access_token\":\"" + grant.accessToken()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":600}", origin);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String origin)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
