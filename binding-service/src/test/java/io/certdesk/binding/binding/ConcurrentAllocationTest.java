package io.certdesk.binding.binding;

import static io.certdesk.binding.platform.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.certdesk.binding.platform.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Fires 50 allocations at once and checks the invariants: every answer is a 201 with a distinct address
 * or port, or a clean 409 problem; never a duplicate, never a 500; exactly as many succeed as there is room.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ConcurrentAllocationTest {

    private static final int REQUESTS = 50;

    /** One finished request: status, content type and, on success, the binding. */
    private record Outcome(int status, String contentType, Map<String, Object> binding) {
    }

    private static List<Outcome> fire(IntFunction<int[]> target, IntFunction<Map<String, Object>> body) throws Exception {
        String staff = token(Roles.STAFF);
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    Response r = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body.apply(n))
                            .post("/servers/{id}/bindings", target.apply(n)[0]);
                    return new Outcome(r.statusCode(), r.contentType(),
                            r.statusCode() == 201 ? r.jsonPath().getMap("binding") : null);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asserts only 201s and problem+json 409s, and returns the successful bindings. */
    private static List<Map<String, Object>> successes(List<Outcome> outcomes) {
        List<Map<String, Object>> ok = new ArrayList<>();
        for (Outcome o : outcomes) {
            assertTrue(o.status() == 201 || o.status() == 409, "unexpected status " + o.status());
            if (o.status() == 409) {
                assertTrue(o.contentType().startsWith("application/problem+json"), o.contentType());
            } else {
                ok.add(o.binding());
            }
        }
        return ok;
    }

    private static Set<String> endpoints(List<Map<String, Object>> bindings) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> b : bindings) {
            assertTrue(seen.add(b.get("ip") + ":" + b.get("port")), "endpoint handed out twice: " + b);
        }
        return seen;
    }

    @Test
    void fiftyAlternatePortRequestsGetTheSixPortsOnceEach() throws Exception {
        int server = Fixtures.server("C-1", Fixtures.primaryIp(), "www.conc" + Fixtures.next() + ".example", 0);
        int run = Fixtures.next();
        List<Map<String, Object>> ok = successes(fire(n -> new int[] {server},
                n -> Fixtures.binding("p" + n + ".conc" + run + ".example", "ALTERNATE_PORT")));
        assertEquals(6, ok.size(), "ports 444-449 are six");
        Set<Integer> ports = new HashSet<>();
        ok.forEach(b -> ports.add((Integer) b.get("port")));
        assertEquals(Set.of(444, 445, 446, 447, 448, 449), ports);
        endpoints(ok);
        assertEquals(7, Fixtures.bindings(server).size());
    }

    @Test
    void fiftyDedicatedIpRequestsStopAtThePlanLimit() throws Exception {
        int pool = Fixtures.pool("192.0.2.128/29");
        int server = Fixtures.server("C-1", Fixtures.primaryIp(), "www.ded" + Fixtures.next() + ".example", 3);
        int run = Fixtures.next();
        List<Map<String, Object>> ok = successes(fire(n -> new int[] {server}, n -> {
            Map<String, Object> body = Fixtures.binding("d" + n + ".ded" + run + ".example", "DEDICATED_IP");
            body.put("poolId", String.valueOf(pool));
            return body;
        }));
        assertEquals(3, ok.size());
        assertEquals(3, endpoints(ok).size());
        assertEquals(3, Fixtures.bindings(server).size() - 1);
    }

    @Test
    void fiftyDedicatedIpRequestsFromTenServersShareASmallPoolWithoutDuplicates() throws Exception {
        int pool = Fixtures.pool("192.0.2.144/29");
        int[] servers = new int[10];
        for (int i = 0; i < servers.length; i++) {
            servers[i] = Fixtures.server("C-1", Fixtures.primaryIp(), "www.shared" + Fixtures.next() + ".example", 5);
        }
        int run = Fixtures.next();
        List<Map<String, Object>> ok = successes(fire(n -> new int[] {servers[n % servers.length]}, n -> {
            Map<String, Object> body = Fixtures.binding("s" + n + ".pool" + run + ".example", "DEDICATED_IP");
            body.put("poolId", String.valueOf(pool));
            return body;
        }));
        assertEquals(6, ok.size(), "a /29 has six usable addresses");
        assertEquals(6, endpoints(ok).size());
    }

    @Test
    void fiftyRequestsForOneDomainBindItOnce() throws Exception {
        int server = Fixtures.server("C-1", Fixtures.primaryIp(), "www.same" + Fixtures.next() + ".example", 0);
        String domain = "same" + Fixtures.next() + ".example";
        List<Map<String, Object>> ok = successes(fire(n -> new int[] {server},
                n -> Fixtures.binding(domain, n % 2 == 0 ? "SNI" : "ALTERNATE_PORT")));
        assertEquals(1, ok.size());
        assertEquals(2, Fixtures.bindings(server).size());
    }
}
