import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.notice.NoticeConfig;
import io.certdesk.order.notice.NoticeText;
import io.certdesk.order.renewal.RenewalConfig;
import io.certdesk.order.renewal.RenewalNotices;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Times one run of the renewal notice job (order-service's own RenewalNotices class, unchanged) over TERMS paid terms of
 * which 1% end on the day the 30-day window opens: a real PostgreSQL of its own (zonky binaries), order-service's
 * migrations, the rows seeded with generate_series, then the run, a second run of the same day (which must queue
 * nothing), and a check that every due term got exactly one notice, quote and mail. Prints the figures.
 *
 * Usage (deploy/bench/renewals.sh builds the classpath): java -cp ... RenewalBench.java [TERMS]
 */
public class RenewalBench {

    public static void main(String[] args) {
        try {
            bench(args);
        } catch (Throwable e) {
            // the JDK 17 source launcher hides a failure whose stack is short; print it whole
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void bench(String[] args) throws Exception {
        int terms = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        LocalDate runDate = LocalDate.of(2027, 6, 1);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration")
                    .placeholders(Map.of("runtime_role", "postgres")).load().migrate();
            long seedStart = System.nanoTime();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("insert into customer (id, organisation_name, organisation_kana, postal_code, address, "
                        + "representative_name, representative_title, listed, notice_email, call_hours_from, call_hours_to, "
                        + "created_at, updated_at) values ('C-1', '株式会社ベンチ', 'カブシキガイシャベンチ', '100-0001', "
                        + "'東京都千代田区千代田1-1', '代表 太郎', '代表取締役', true, 'notice@bench.example.jp', '10:00', "
                        + "'17:00', now(), now())");
                st.execute("insert into product (code, name, ca_brand, validation_level, validity_months, "
                        + "application_fee_jpy, created_at, updated_at, issuer, key_algorithm) values ('DV-1Y', "
                        + "'DV 1 year', 'Bench CA', 'DV', 12, 38500, now(), now(), 'LOCAL', 'EC_P256')");
                st.execute("insert into quote (id, customer_id, product_code, product_name, validation_level, order_type, "
                        + "domain, server_id, application_fee_jpy, setup_fee_jpy, fee_schedule_id, total_jpy, "
                        + "tax_rate_percent, contained_tax_jpy, status, created_at, created_by, issuer, key_algorithm, "
                        + "binding_strategy) select i, 'C-1', 'DV-1Y', 'DV 1 year', 'DV', 'NEW', 'www' || i || "
                        + "'.bench.example.jp', '1', 38500, 23100, (select id from fee_schedule where order_type = 'NEW'), "
                        + "61600, 10, 5600, 'ACCEPTED', now(), 'bench', 'LOCAL', 'EC_P256', 'SNI' "
                        + "from generate_series(1, " + terms + ") i");
                st.execute("insert into orders (id, quote_id, customer_id, product_code, validation_level, order_type, "
                        + "domain, server_id, state, created_at, updated_at, issuer, key_algorithm, binding_strategy, "
                        + "certificate_id) select i, i, 'C-1', 'DV-1Y', 'DV', 'NEW', 'www' || i || '.bench.example.jp', '1', "
                        + "'INSTALLED', now(), now(), 'LOCAL', 'EC_P256', 'SNI', 'cert-' || i "
                        + "from generate_series(1, " + terms + ") i");
                // every hundredth term ends 30 days after the run date (its window opens that day); the others end
                // later in the year or have been renewed already
                st.execute("insert into certificate_term (customer_id, order_id, product_code, domain, server_id, starts_on, "
                        + "ends_on, certificate_id, state, created_at, issuer) select 'C-1', i, 'DV-1Y', 'www' || i || "
                        + "'.bench.example.jp', '1', e - 364, e, 'cert-' || i, case when i % 7 = 3 and i % 100 <> 0 "
                        + "then 'RENEWED' else 'ACTIVE' end, now(), 'LOCAL' from (select i, case when i % 100 = 0 then date '"
                        + runDate.plusDays(30) + "' else date '" + runDate.plusDays(31) + "' + (i % 330) end as e "
                        + "from generate_series(1, " + terms + ") i) s");
                st.execute("alter table quote alter column id restart with " + (terms + 1));
                st.execute("alter table orders alter column id restart with " + (terms + 1));
                st.execute("analyze");
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            System.out.printf("seeded %,d terms (%,d due on %s) in %.1f s%n", terms, terms / 100, runDate, seedSeconds);

            Vertx vertx = Vertx.vertx();
            Pool pool = PgPool.pool(vertx, new PgConnectOptions().setPort(pg.getPort()).setHost("localhost")
                    .setDatabase("postgres").setUser("postgres").setPassword("postgres"), new PoolOptions().setMaxSize(4));
            RenewalNotices job = new RenewalNotices(pool, config(), billing(), Clock.system(ZoneId.of("Asia/Tokyo")),
                    new NoticeText(billing(), notices()));
            long t1 = System.nanoTime();
            int[] first = job.send(runDate, null).await().indefinitely();
            long firstMillis = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("run 1: %,d terms due, %,d notices claimed, quoted and queued in %,d ms%n", first[0],
                    first[1], firstMillis);
            long t2 = System.nanoTime();
            int[] again = job.send(runDate, null).await().indefinitely();
            System.out.printf("run 2 (same day): %,d notices queued in %,d ms%n", again[1], (System.nanoTime() - t2) / 1_000_000);
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select (select count(*) from renewal_notice), (select count(*) from "
                            + "quote where renewal_term_id is not null), (select count(*) from notice_outbox where kind = "
                            + "'RENEWAL_DUE'), (select count(distinct term_id) from renewal_notice)")) {
                rs.next();
                System.out.printf("notices %,d, renewal quotes %,d, mails %,d, distinct terms %,d%n", rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4));
                if (rs.getLong(1) != terms / 100 || rs.getLong(2) != terms / 100 || rs.getLong(3) != terms / 100
                        || again[1] != 0) {
                    System.out.println("FAILED: expected exactly one notice, quote and mail per due term");
                    System.exit(1);
                }
            }
            pool.closeAndAwait();
            vertx.closeAndAwait();
            System.out.println(firstMillis < 10_000 ? "within the 10 s target" : "SLOWER than the 10 s target");
        }
    }

    private static RenewalConfig config() {
        return new RenewalConfig() {
            public String cron() {
                return "0 0 9 * * ?";
            }

            public List<Integer> noticeDays() {
                return List.of(30, 14, 7);
            }

            public List<Integer> afterEndDays() {
                return List.of(1);
            }

            public int catchUpDays() {
                return 7;
            }

            public int batchSize() {
                return Integer.getInteger("batch", 1000);
            }

            public boolean manualRuns() {
                return true;
            }

            public Reissue reissue() {
                throw new UnsupportedOperationException("the bench times the notices only");
            }
        };
    }

    private static NoticeConfig notices() {
        return new NoticeConfig() {
            public String from() {
                return "ssl-support@bench.example.jp";
            }

            public String staffEmail() {
                return "ssl-desk@bench.example.jp";
            }

            public Outbox outbox() {
                throw new UnsupportedOperationException("the bench sends no mail");
            }

            public Signature signature() {
                return new Signature() {
                    public String department() {
                        return "SSL証明書サポート窓口";
                    }

                    public java.util.Optional<String> phone() {
                        return java.util.Optional.of("03-1234-5678");
                    }

                    public java.util.Optional<String> hours() {
                        return java.util.Optional.of("平日 10:00〜18:00");
                    }

                    public java.util.Optional<String> email() {
                        return java.util.Optional.empty();
                    }
                };
            }
        };
    }

    private static BillingConfig billing() {
        return new BillingConfig() {
            public int taxRatePercent() {
                return 10;
            }

            public int invoiceDueDays() {
                return 14;
            }

            public String registrationNumber() {
                return "T7123456789012";
            }

            public String issuerName() {
                return "certdesk bench";
            }

            public ZoneId zone() {
                return ZoneId.of("Asia/Tokyo");
            }

            public java.util.Optional<String> issuerAddress() {
                return java.util.Optional.empty();
            }

            public int reducedTaxRatePercent() {
                return 8;
            }

            public Bank bank() {
                throw new UnsupportedOperationException("the bench issues no invoice");
            }

            public String transferFeeNote() {
                return "";
            }

            public int transferFeeToleranceJpy() {
                return 880;
            }

            public String reminderCron() {
                return "off";
            }
        };
    }
}
