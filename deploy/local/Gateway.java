import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One origin for the browser outside Kubernetes: a small HTTP gateway that sends each path to the service that owns
 * it, by the very routes of the Kubernetes Gateway (deploy/kubernetes/base/gateway.yaml, HTTPRoute certdesk-api), so
 * the console calls every service on the origin it was loaded from, as it does behind the Gateway. The local stack
 * and the console's browser tests run it; JDK only, never part of a service.
 *
 * <p>Usage: {@code java Gateway.java PORT ROUTES_YAML SERVICE=URL...}, e.g. {@code java Gateway.java 8000
 * deploy/kubernetes/base/gateway.yaml order-service=http://localhost:8080 keystore-service=http://localhost:8081
 * binding-service=http://localhost:8082}. A path no route names gets 404 problem+json; a service that does not answer,
 * 502.
 */
public class Gateway {

    /** One match of an HTTPRoute rule: PathPrefix (whole segments), Exact or RegularExpression (whole path). */
    record Route(String type, String value, String service) {
        boolean matches(String path) {
            return switch (type) {
                case "Exact" -> path.equals(value);
                case "PathPrefix" -> path.equals(value) || path.startsWith(value.endsWith("/") ? value : value + "/");
                case "RegularExpression" -> path.matches(value);
                default -> false;
            };
        }
    }

    // hop-by-hop headers (RFC 9110 7.6.1) and those the JDK client sets itself
    static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "expect");

    public static void main(String[] args) throws Exception {
        // the Host header goes through as it came (as the Gateway's Envoy does): a service compares it with the
        // browser's Origin to tell a same-origin request (a module script, a POST) from a cross-origin one
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        if (args.length < 3) {
            System.err.println("usage: java Gateway.java PORT ROUTES_YAML SERVICE=URL...");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Map<String, URI> services = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            services.put(pair[0], URI.create(pair[1].replaceAll("/+$", "")));
        }
        List<Route> routes = routes(Path.of(args[1]), "certdesk-api");
        for (Route r : routes) {
            if (!services.containsKey(r.service())) {
                throw new IllegalArgumentException("no URL given for " + r.service() + " (route " + r.value() + ")");
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            try (exchange) {
                forward(exchange, routes, services, client);
            } catch (IOException | RuntimeException e) {
                System.err.println("gateway: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
            }
        });
        server.start();
        System.out.println("gateway on http://localhost:" + port + " with " + routes.size() + " routes from " + args[1]);
    }

    /**
     * The path matches of one HTTPRoute, in the file's order, each with the service of its rule's backendRefs. The
     * file is the project's own, in its own layout: one {@code - path: {type: T, value: V}} per line, then the rule's
     * {@code backendRefs: [{name: N, port: P}]}.
     */
    static List<Route> routes(Path file, String routeName) throws IOException {
        Pattern path = Pattern.compile("-\\s*path:\\s*\\{type:\\s*(\\w+),\\s*value:\\s*\"?([^\"}]+?)\"?\\s*}");
        Pattern backend = Pattern.compile("backendRefs:\\s*\\[\\{name:\\s*([\\w-]+)");
        List<Route> routes = new ArrayList<>();
        List<String[]> pending = new ArrayList<>();
        boolean inRoute = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("---")) {
                requireNone(pending, file);
                inRoute = false;
            } else if (line.matches("\\s*name:\\s*" + Pattern.quote(routeName) + "\\s*")) {
                inRoute = true;
            }
            if (!inRoute) {
                continue;
            }
            Matcher p = path.matcher(line);
            Matcher b = backend.matcher(line);
            if (p.find()) {
                pending.add(new String[] {p.group(1), p.group(2)});
            } else if (b.find()) {
                for (String[] match : pending) {
                    routes.add(new Route(match[0], match[1], b.group(1)));
                }
                pending.clear();
            } else if (line.matches("\\s*-?\\s*(path|backendRefs):.*")) {
                // a layout this reader does not know must not route anything silently wrong
                throw new IllegalArgumentException(file + ": cannot read this line of HTTPRoute " + routeName + ": " + line);
            }
        }
        requireNone(pending, file);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException(file + " has no HTTPRoute " + routeName + " with path matches");
        }
        return routes;
    }

    private static void requireNone(List<String[]> pending, Path file) {
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException(file + ": path matches without a backendRefs line after them: "
                    + pending.stream().map(m -> m[1]).toList());
        }
    }

    static void forward(HttpExchange exchange, List<Route> routes, Map<String, URI> services, HttpClient client)
            throws IOException {
        URI incoming = exchange.getRequestURI();
        // matched on the normalised path, as Envoy does, so "/console/../q/health" cannot reach what no route names;
        // encoded dots and slashes are refused rather than guessed at
        String path = incoming.normalize().getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("/..") || path.matches("(?i).*%(2e|2f|5c).*")) {
            problem(exchange, 400, "Bad Request", "The path is not a plain absolute path.");
            return;
        }
        Route route = routes.stream().filter(r -> r.matches(path)).findFirst().orElse(null);
        if (route == null) {
            problem(exchange, 404, "Not Found", "No service answers " + path + " on this origin.");
            return;
        }
        URI target = URI.create(services.get(route.service()) + path
                + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(2))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Set<String> dropped = hopByHop(exchange.getRequestHeaders().get("Connection"));
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // what a client says about forwarding is never passed on: this gateway says it
            if (!dropped.contains(lower) && !lower.startsWith("x-forwarded-") && !lower.equals("forwarded")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.header("X-Forwarded-Proto", "http");
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            problem(exchange, 504, "Gateway Timeout", route.service() + " did not answer in time");
            return;
        } catch (IOException e) {
            problem(exchange, 502, "Bad Gateway", route.service() + " does not answer: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 502, "Bad Gateway", "Interrupted");
            return;
        }
        // the service's answer is closed whatever happens to the client's side (its connection goes back to the pool)
        try (InputStream in = response.body()) {
            Set<String> droppedInAnswer = hopByHop(response.headers().allValues("Connection"));
            response.headers().map().forEach((name, values) -> {
                if (!droppedInAnswer.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            long length = response.headers().firstValueAsLong("content-length").orElse(-1);
            boolean empty = "HEAD".equals(exchange.getRequestMethod()) || response.statusCode() == 204
                    || response.statusCode() == 304 || length == 0;
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : Math.max(length, 0));
            try (OutputStream out = exchange.getResponseBody()) {
                if (!empty) {
                    in.transferTo(out);
                }
            }
        }
    }

    /** The hop-by-hop headers of one message: the fixed ones and those its Connection header names. */
    static Set<String> hopByHop(List<String> connection) {
        Set<String> names = new java.util.HashSet<>(NOT_FORWARDED);
        if (connection != null) {
            for (String value : connection) {
                for (String name : value.split(",")) {
                    names.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ") + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
