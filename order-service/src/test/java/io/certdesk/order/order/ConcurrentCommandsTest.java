package io.certdesk.order.order;

import static io.certdesk.order.Fixtures.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.order.Fixtures;
import io.certdesk.order.peers.PeerServices;
import io.certdesk.order.platform.EmbeddedPostgresResource;
import io.certdesk.order.platform.Roles;
import io.certdesk.order.platform.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Concurrent commands are applied one after the other: one transition, one invoice, gap-free numbers. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(PeerServices.class)
class ConcurrentCommandsTest {

    private static <T> List<T> inParallel(int n, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(task.apply(i));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameCommandTenTimesAtOnceMovesTheOrderOnceAndIssuesOneInvoice() throws Exception {
        long id = Fixtures.newOrder("DV", true, null).orderId();
        String token = TestTokens.token(Roles.STAFF);
        // no Content-Type and no body, as `curl -X POST` sends it
        List<Integer> contract = inParallel(10, i -> () -> RestAssured.given().auth().oauth2(token)
                .post("/orders/{id}/contract", id).statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200), contract);
        List<Integer> invoice = inParallel(10, i -> () -> RestAssured.given().auth().oauth2(token)
                .post("/orders/{id}/invoice", id).statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200), invoice);

        List<String> moves = staff().get("/orders/{id}/timeline", id).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'TRANSITION' }.toState");
        assertEquals(List.of("QUOTED", "CONTRACTED", "INVOICED"), moves);
        staff().get("/orders/{id}/invoice", id).then().statusCode(200);
    }

    @Test
    void invoiceNumbersDrawnConcurrentlyAreUniqueAndConsecutive() throws Exception {
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long id = Fixtures.newOrder("DV", true, null).orderId();
            Fixtures.command(id, "contract");
            orders.add(id);
        }
        String token = TestTokens.token(Roles.STAFF);
        List<String> numbers = inParallel(orders.size(), i -> () -> {
            long id = orders.get(i);
            RestAssured.given().auth().oauth2(token).post("/orders/{id}/invoice", id).then().statusCode(200);
            return RestAssured.given().auth().oauth2(token).get("/orders/{id}/invoice", id).then().statusCode(200)
                    .extract().<String>path("number");
        });
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))
                .sorted().toList();
        String year = numbers.get(0).substring(4, 8);
        numbers.forEach(n -> assertEquals("INV-" + year + "-", n.substring(0, 9), n));
        for (int i = 1; i < sequence.size(); i++) {
            assertEquals(sequence.get(i - 1) + 1, sequence.get(i), "numbers " + numbers + " have a gap or a repeat");
        }
    }
}
