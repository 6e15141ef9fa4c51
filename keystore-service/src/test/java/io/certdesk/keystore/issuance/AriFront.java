package io.certdesk.keystore.issuance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A directory in front of Debian's pebble (2.4, which predates ACME Renewal Information): it serves pebble's
 * directory, with a {@code renewalInfo} resource added while a window is offered, and answers that resource the way
 * RFC 9773 describes (a suggested window and a Retry-After). Everything else goes to pebble itself.
 */
final class AriFront implements AutoCloseable {

    static final int PORT = 24420;
    static final AriFront FRONT = new AriFront();
    static final String DIRECTORY = "http://127.0.0.1:" + PORT + "/dir";

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile HttpServer server;
    private volatile Instant start;
    private volatile Instant end;

    /** Offers this window for every certificate from now on; null stops offering renewal information. */
    void offer(Instant windowStart, Instant windowEnd) {
        this.start = windowStart;
        this.end = windowEnd;
    }

    /** The certificate identifiers the front was asked about (base64url AKI '.' base64url serial). */
    List<String> asked() {
        return List.copyOf(asked);
    }

    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        s.createContext("/dir", this::directory);
        s.createContext("/renewal-info/", this::renewalInfo);
        s.start();
        server = s;
    }

    private void directory(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode dir = (ObjectNode) json.readTree(Pebble.get(Pebble.OPEN.directoryUrl).body());
            if (start != null) {
                dir.put("renewalInfo", "http://127.0.0.1:" + PORT + "/renewal-info");
            }
            send(exchange, 200, json.writeValueAsBytes(dir), null);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            send(exchange, 502, e.toString().getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private void renewalInfo(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/renewal-info/".length());
            asked.add(id);
            if (start == null) {
                send(exchange, 404, new byte[0], null);
                return;
            }
            ObjectNode body = json.createObjectNode();
            body.putObject("suggestedWindow").put("start", start.toString()).put("end", end.toString());
            body.put("explanationURL", "https://ca.certdesk.test/incident");
            send(exchange, 200, json.writeValueAsBytes(body), "21600");
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String retryAfter) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
