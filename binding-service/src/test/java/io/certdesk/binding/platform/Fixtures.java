package io.certdesk.binding.platform;

import static io.certdesk.binding.platform.TestTokens.as;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Servers, pools and bindings created through the API, with names no other test uses. */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    public static int next() {
        return SEQ.incrementAndGet();
    }

    /** A primary IP no other test uses (10.200.0.0/16 is never pooled by tests). */
    public static String primaryIp() {
        int n = next();
        return "10.200." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Registers a server for {@code customerId} on {@code primaryIp}; returns its id. */
    public static int server(String customerId, String primaryIp, String masterDomain, int additionalIpLimit) {
        Map<String, Object> body = new HashMap<>();
        body.put("hostname", "bs" + next() + "-" + System.nanoTime() % 100000 + ".hosting.example.jp");
        body.put("customerId", customerId);
        body.put("masterDomain", masterDomain);
        body.put("primaryIp", primaryIp);
        body.put("plan", Map.of("code", "DEDICATED-TEST", "additionalIpLimit", additionalIpLimit));
        return Integer.parseInt(as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/servers")
                .then().statusCode(201).extract().path("id"));
    }

    public static int pool(String cidr) {
        return Integer.parseInt(as(Roles.STAFF).contentType(ContentType.JSON)
                .body(Map.of("name", "pool-" + next(), "cidr", cidr)).post("/ip-pools")
                .then().statusCode(201).extract().path("id"));
    }

    /** PUT {@code body} with the If-Match of the resource as just read, as a careful client does. */
    public static io.restassured.response.Response replace(String path, Object body, Object... pathParams) {
        String etag = as(Roles.STAFF).get(path, pathParams).then().statusCode(200).extract().header("ETag");
        return as(Roles.STAFF).contentType(ContentType.JSON).header("If-Match", etag).body(body).put(path, pathParams);
    }

    public static Map<String, Object> binding(String domain, String strategy) {
        Map<String, Object> body = new HashMap<>();
        body.put("domain", domain);
        body.put("strategy", strategy);
        return body;
    }

    /** Binds and returns the answer's binding object. */
    public static Map<String, Object> bind(int serverId, Map<String, Object> body) {
        return as(Roles.STAFF).contentType(ContentType.JSON).body(body).post("/servers/{id}/bindings", serverId)
                .then().statusCode(201).extract().path("binding");
    }

    public static List<Map<String, Object>> bindings(int serverId) {
        return as(Roles.STAFF).queryParam("size", 200).get("/servers/{id}/bindings", serverId).then().statusCode(200)
                .extract().path("items");
    }

    /** The certificate id (a keystore UUID) the tests link to {@code domain}'s binding. */
    public static String certificateOf(Object domain) {
        return java.util.UUID.nameUUIDFromBytes(("crt-" + domain).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** Links a certificate ({@link #certificateOf}) to every binding of the server that has none yet. */
    public static void certify(int serverId) {
        for (Map<String, Object> b : bindings(serverId)) {
            if (b.get("certificateId") == null) {
                as(Roles.STAFF).contentType(ContentType.JSON).body(Map.of("certificateId", certificateOf(b.get("domain"))))
                        .put("/servers/{id}/bindings/{bid}/certificate", serverId, b.get("id"))
                        .then().statusCode(200);
            }
        }
    }
}
