package io.certdesk.binding.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.certdesk.binding.platform.EmbeddedPostgresResource;
import io.certdesk.binding.platform.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The invariants hold in the database itself, not only in the service: plain SQL that bypasses every
 * service check is refused by the constraints.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DatabaseInvariantsTest {

    @Inject
    Pool pool;

    private void sql(String statement, Object... args) {
        pool.preparedQuery(statement).execute(Tuple.from(args)).await().indefinitely();
    }

    private void refused(String sqlState, String constraint, String statement, Object... args) {
        PgException e = assertThrows(PgException.class, () -> sql(statement, args));
        assertEquals(sqlState, e.getSqlState(), e.getMessage());
        assertEquals(constraint, e.getConstraint(), e.getMessage());
    }

    private static final String BINDING = "insert into binding (server_id, domain, strategy, ip, port, created_at) "
            + "values ($1, $2, $3, $4, $5, now())";

    @Test
    void exclusiveEndpointServesExactlyOneDomain() {
        long a = Fixtures.server("C-1", Fixtures.primaryIp(), "www.db" + Fixtures.next() + ".example", 0);
        long b = Fixtures.server("C-1", Fixtures.primaryIp(), "www.db" + Fixtures.next() + ".example", 0);
        sql("insert into endpoint (ip, port, shared, server_id) values ($1, $2, false, $3)", "192.0.2.250", 9443, a);
        sql(BINDING, a, "one.db.example", "ALTERNATE_PORT", "192.0.2.250", 9443);
        refused("23505", "binding_exclusive_endpoint", BINDING, a, "two.db.example", "ALTERNATE_PORT", "192.0.2.250", 9443);
        // an SNI name cannot slip onto the exclusive endpoint, nor another server's binding
        refused("23503", "binding_endpoint_fk", BINDING, a, "three.db.example", "SNI", "192.0.2.250", 9443);
        sql("insert into endpoint (ip, port, shared, server_id) values ($1, $2, false, $3)", "192.0.2.250", 9444, a);
        refused("23503", "binding_endpoint_fk", BINDING, b, "four.db.example", "ALTERNATE_PORT", "192.0.2.250", 9444);
        // the endpoint cannot change mode underneath its binding
        refused("23503", "binding_endpoint_fk", "update endpoint set shared = true where ip = $1 and port = $2",
                "192.0.2.250", 9443);
    }

    @Test
    void oneDomainPerServerAndOneNamePerEndpointAndOneMaster() {
        long a = Fixtures.server("C-1", Fixtures.primaryIp(), "www.db" + Fixtures.next() + ".example", 0);
        String ip = Fixtures.bindings((int) a).get(0).get("ip").toString();
        sql(BINDING, a, "sni.db.example", "SNI", ip, 443);
        refused("23505", "binding_domain_per_server", BINDING, a, "sni.db.example", "SNI", ip, 443);
        refused("23505", "binding_one_master", "update binding set master = true where domain = $1", "sni.db.example");
    }

    @Test
    void anAddressIsOnOneServerAndPoolsDoNotOverlap() {
        long a = Fixtures.server("C-1", Fixtures.primaryIp(), "www.db" + Fixtures.next() + ".example", 1);
        long b = Fixtures.server("C-1", Fixtures.primaryIp(), "www.db" + Fixtures.next() + ".example", 1);
        long poolId = Fixtures.pool("100.64.0.0/29");
        String insert = "insert into ip_address (pool_id, server_id, address, allocated_at) values ($1, $2, $3, now())";
        sql(insert, poolId, a, "100.64.0.1");
        refused("23505", "ip_address_unique", insert, poolId, b, "100.64.0.1");
        // a pool address never doubles as a primary IP, whichever comes first
        String primary = Fixtures.bindings((int) a).get(0).get("ip").toString();
        refused("23505", "address_single_owner", insert, poolId, b, primary);
        refused("23505", "address_single_owner", "insert into server (hostname, customer_id, master_domain, primary_ip, "
                + "plan_code, additional_ip_limit, created_at, updated_at) values ($1, 'C-1', 'www.x.example', $2, 'P', 0, "
                + "now(), now())", "dbinv" + Fixtures.next() + ".example", "100.64.0.1");
        refused("23P01", "ip_pool_no_overlap", "insert into ip_pool (name, cidr_text, created_at) values ($1, $2, now())",
                "overlap-" + Fixtures.next(), "100.64.0.4/30");
    }
}
