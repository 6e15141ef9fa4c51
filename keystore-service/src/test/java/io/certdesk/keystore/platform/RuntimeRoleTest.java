package io.certdesk.keystore.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The service's own migrations, run as a schema owner that is not a superuser, leave the runtime role able to read
 * and write rows and nothing else: a service (or whoever steals its password) cannot disable the triggers that keep
 * the audit trail append-only, change the schema, truncate a table or rewrite the migration history.
 */
class RuntimeRoleTest {

    @Test
    void theRuntimeRoleReadsAndWritesRowsButCannotChangeTheSchema() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
                st.execute("create role certdesk_owner login password 'owner'");
                st.execute("create role certdesk_app login password 'app'");
                st.execute("create database certdesk owner certdesk_owner");
            }
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/certdesk";
            Flyway.configure().dataSource(url, "certdesk_owner", "owner").locations("classpath:db/migration")
                    .placeholders(Map.of("runtime_role", "certdesk_app")).load().migrate();

            try (Connection app = DriverManager.getConnection(url, "certdesk_app", "app"); Statement st = app.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public' "
                        + "and tablename <> 'flyway_schema_history' order by tablename")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                assertFalse(tables.isEmpty());
                for (String table : tables) {
                    st.executeQuery("select count(*) from " + table).close();
                    for (String forbidden : List.of("alter table " + table + " disable trigger all",
                            "alter table " + table + " add column intruder integer", "truncate " + table,
                            "drop table " + table)) {
                        SQLException refused = assertThrows(SQLException.class, () -> st.execute(forbidden), forbidden);
                        assertEquals("42501", refused.getSQLState(), forbidden + ": " + refused.getMessage());
                    }
                }
                for (String forbidden : List.of("create table intruder (x integer)", "delete from flyway_schema_history",
                        "select count(*) from flyway_schema_history")) {
                    SQLException refused = assertThrows(SQLException.class, () -> st.execute(forbidden), forbidden);
                    assertEquals("42501", refused.getSQLState(), forbidden + ": " + refused.getMessage());
                }
            }
        }
    }
}
