import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the nine commands a client sends to take one DV order from quote to a placed site seal, one order after the
 * other over one connection (latency, not throughput): quote (binding-service previews the placement), acceptance,
 * order, contract, invoice, payment, start-application, deployment-override and the site seal. The moves the system
 * takes by itself between start-application and deployment-override (key and CSR, application, issuance) are waited
 * for, not timed. Prints one line per command with p50, p90 and max, and a Markdown table on stdout's last lines
 * after a line "TABLE".
 *
 * Usage (deploy/bench/run.sh calls it): java CommandPath.java ORDER_URL TOKEN CUSTOMER PRODUCT SERVER SUFFIX [ORDERS]
 */
public class CommandPath {
    static final String[] COMMANDS = {"POST /quotes", "POST /quotes/{quoteId}/accept", "POST /orders",
            "POST /orders/{orderId}/contract", "POST /orders/{orderId}/invoice", "POST /payments",
            "POST /orders/{orderId}/start-application", "POST /orders/{orderId}/deployment-override",
            "PUT /orders/{orderId}/site-seal"};

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    final String token;
    final Map<String, List<Double>> millis = new LinkedHashMap<>();

    CommandPath(String base, String token) {
        this.base = base;
        this.token = token;
        for (String c : COMMANDS) {
            millis.put(c, new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: java CommandPath.java ORDER_URL TOKEN CUSTOMER PRODUCT SERVER SUFFIX [ORDERS]");
            System.exit(2);
        }
        int orders = args.length > 6 ? Integer.parseInt(args[6]) : 30;
        CommandPath bench = new CommandPath(args[0], args[1]);
        // one untimed order first: the JIT and the pools warm up on the same path
        bench.run(args[2], args[3], args[4], args[5], -1);
        bench.millis.values().forEach(List::clear);
        for (int i = 0; i < orders; i++) {
            bench.run(args[2], args[3], args[4], args[5], i);
        }
        bench.print(orders);
    }

    void run(String customer, String product, String server, String suffix, int n) throws Exception {
        String domain = "o" + (n + 1) + "-" + suffix + ".bench.example";
        String quote = field(timed(COMMANDS[0], "POST", "/quotes", "{\"customerId\":\"" + customer + "\",\"productCode\":\""
                + product + "\",\"type\":\"NEW\",\"domain\":\"" + domain + "\",\"serverId\":\"" + server + "\"}"), "id");
        timed(COMMANDS[1], "POST", "/quotes/" + quote + "/accept", "{}");
        String order = field(timed(COMMANDS[2], "POST", "/orders", "{\"quoteId\":\"" + quote + "\"}"), "id");
        timed(COMMANDS[3], "POST", "/orders/" + order + "/contract", null);
        timed(COMMANDS[4], "POST", "/orders/" + order + "/invoice", null);
        String invoice = send("GET", "/orders/" + order + "/invoice", null, null).body();
        String paidAt = OffsetDateTime.now(ZoneId.of("Asia/Tokyo")).withNano(0).toString();
        timed(COMMANDS[5], "POST", "/payments", "{\"invoiceId\":\"" + field(invoice, "id") + "\",\"amountJpy\":"
                + field(invoice, "balanceJpy") + ",\"method\":\"BANK_TRANSFER\",\"reference\":\"ﾍﾞﾝﾁ\",\"paidAt\":\""
                + paidAt + "\"}");
        timed(COMMANDS[6], "POST", "/orders/" + order + "/start-application", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) { // the system's own moves: key and CSR, application, issuance
            String view = send("GET", "/orders/" + order, null, null).body();
            if ("ISSUED".equals(field(view, "state"))) {
                break;
            }
            if (view.contains("\"PARKED\"") || System.nanoTime() > deadline) {
                throw new IllegalStateException("order " + order + " did not reach ISSUED: " + view);
            }
            Thread.sleep(100);
        }
        timed(COMMANDS[7], "POST", "/orders/" + order + "/deployment-override",
                "{\"reason\":\"ベンチマーク: ロードバランサー配下のため目視で確認\"}");
        HttpResponse<String> seal = send("GET", "/orders/" + order + "/site-seal", null, null);
        String etag = seal.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag: " + seal.body()));
        timedWith(COMMANDS[8], "PUT", "/orders/" + order + "/site-seal",
                "{\"status\":\"PLACED\",\"placement\":\"トップページのフッター右下\"}", etag);
    }

    String timed(String command, String method, String path, String body) throws Exception {
        return timedWith(command, method, path, body, null);
    }

    String timedWith(String command, String method, String path, String body, String ifMatch) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = send(method, path, body, ifMatch);
        millis.get(command).add((System.nanoTime() - start) / 1e6);
        return answer.body();
    }

    HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!method.equals("GET")) {
            request.header("Idempotency-Key", "bench-" + UUID.randomUUID());
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    /** A top-level member of a JSON object, as text (string or number); the first one at depth 1. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9.]+))").matcher(json);
        while (m.find()) {
            if (depth(json, m.start()) == 1) {
                return m.group(2) != null ? m.group(2) : m.group(3);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    static int depth(String json, int end) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < end; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return depth;
    }

    void print(int orders) {
        List<String> table = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : millis.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            all.addAll(e.getValue());
            System.out.printf("%-48s p50 %7.1f ms  p90 %7.1f ms  max %7.1f ms%n", e.getKey(), pct(v, 50), pct(v, 90), v[v.length - 1]);
            table.add(String.format("| %s | %.1f ms | %.1f ms | %.1f ms |", e.getKey(), pct(v, 50), pct(v, 90), v[v.length - 1]));
        }
        double[] v = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        table.add(String.format("| all nine commands | %.1f ms | %.1f ms | %.1f ms |", pct(v, 50), pct(v, 90), v[v.length - 1]));
        System.out.println("TABLE " + orders);
        table.forEach(System.out::println);
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
