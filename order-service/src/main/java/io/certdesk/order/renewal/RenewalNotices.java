package io.certdesk.order.renewal;

import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.fee.Tax;
import io.certdesk.order.notice.NoticeKind;
import io.certdesk.order.notice.NoticeText;
import io.certdesk.order.platform.DomainException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The renewal notices. Once a day it reads the active terms whose end lies within the notice windows (by the
 * partial index on the end date, in keyset pages, so a run costs what is due, not what exists) and, for each term
 * whose newest opened window has no notice yet and no renewal under way, in one transaction per page: claims the
 * (term, window) row, drafts a RENEWAL quote (the product's CA fee and today's renewal setup fee), queues the
 * Japanese mail in the outbox and notes it on the order's timeline. The claim's primary key makes a notice happen
 * once: a second instance running at the same moment waits on the first one's rows and then skips them, and a run
 * that died before committing left nothing behind, so the rerun sends what it did not.
 */
@ApplicationScoped
public class RenewalNotices {

    static final String ACTOR = "renewal-notices";

    private final Pool db;
    private final RenewalConfig config;
    private final BillingConfig billing;
    private final Clock clock;
    private final NoticeText text;

    public RenewalNotices(Pool db, RenewalConfig config, BillingConfig billing, Clock clock, NoticeText text) {
        this.text = text;
        this.db = db;
        this.config = config;
        this.billing = billing;
        this.clock = clock;
    }

    /** The notices due on {@code today} (Asia/Tokyo), of one customer or all: {terms due, notices queued}. */
    public Uni<int[]> send(LocalDate today, String customerId) {
        return notices(today, customerId);
    }

    private Uni<int[]> notices(LocalDate today, String customerId) {
        List<Integer> windows = windows();
        LocalDate from = today.minusDays(Math.max(-windows.get(windows.size() - 1), 0) + (long) config.catchUpDays());
        LocalDate to = today.plusDays(Math.max(windows.get(0), 0));
        OffsetDateTime feeTime = today.atStartOfDay(Terms.TOKYO).toOffsetDateTime();
        // the renewal setup fee valid that day, read once for the whole run
        return db.preparedQuery(FEE).execute(Tuple.of(feeTime)).flatMap(fees -> {
            if (!fees.iterator().hasNext()) {
                return Uni.createFrom().failure(DomainException.conflict("No RENEWAL setup fee is valid on " + today
                        + "; add one with POST /fees, then run again"));
            }
            Row fee = fees.iterator().next();
            Day day = new Day(today, from, to, windows, fee.getLong("id"), fee.getLong("setup_fee_jpy"), customerId,
                    new int[2]);
            return page(day, from.minusDays(1), 0L);
        });
    }

    /** One run: its day, the end dates it reads, its windows, the fee it quotes, and its counts (due, queued). */
    private record Day(LocalDate today, LocalDate from, LocalDate to, List<Integer> windows, long feeId, long setupFee,
            String customerId, int[] counts) {
    }

    /** Notice windows in days before the end, newest last: e.g. 30, 14, 7, then -1 (the day after the end). */
    List<Integer> windows() {
        List<Integer> all = new ArrayList<>(config.noticeDays());
        config.afterEndDays().forEach(d -> all.add(-d));
        all.sort(Comparator.reverseOrder());
        return all;
    }

    /** The newest window {@code endsOn} has reached on {@code today}, or null when none has opened. */
    static Integer windowOn(LocalDate endsOn, LocalDate today, List<Integer> windows) {
        long daysLeft = ChronoUnit.DAYS.between(today, endsOn);
        Integer reached = null;
        for (int w : windows) {
            if (daysLeft <= w) {
                reached = w;
            }
        }
        return reached;
    }

    private Uni<int[]> page(Day day, LocalDate afterEnds, long afterId) {
        return db.withTransaction(conn -> conn.preparedQuery(DUE).execute(Tuple.of(day.from(), day.to(), afterEnds, afterId,
                        config.batchSize()).addString(day.customerId()))
                .flatMap(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    day.counts()[0] += due.size();
                    return notify(conn, due, day).replaceWith(due);
                }))
                .flatMap(due -> {
                    if (due.size() < config.batchSize()) {
                        return Uni.createFrom().item(day.counts());
                    }
                    Row last = due.get(due.size() - 1);
                    return page(day, last.getLocalDate("ends_on"), last.getLong("id"));
                });
    }

    /** Claims the newest open window of each due term; what another run claimed already is skipped. */
    private Uni<Void> notify(SqlConnection conn, List<Row> due, Day day) {
        List<Long> termIds = new ArrayList<>();
        List<Integer> termWindows = new ArrayList<>();
        Map<Long, Row> byTerm = new HashMap<>();
        for (Row r : due) {
            Integer w = windowOn(r.getLocalDate("ends_on"), day.today(), day.windows());
            if (w != null) {
                termIds.add(r.getLong("id"));
                termWindows.add(w);
                byTerm.put(r.getLong("id"), r);
            }
        }
        if (termIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return conn.preparedQuery(CLAIM).execute(Tuple.of(termIds.toArray(Long[]::new), termWindows.toArray(Integer[]::new),
                        day.today(), now))
                .flatMap(claimedRows -> {
                    Map<Long, Integer> claimed = new HashMap<>();
                    claimedRows.forEach(r -> claimed.put(r.getLong("term_id"), r.getInteger("window_days")));
                    return claimed.isEmpty() ? Uni.createFrom().voidItem()
                            : draft(conn, claimed, byTerm, day.feeId(), day.setupFee(), day.today(), now, day.counts());
                });
    }

    private Uni<Void> draft(SqlConnection conn, Map<Long, Integer> claimed, Map<Long, Row> byTerm, long feeId,
            long setupFee, LocalDate today, OffsetDateTime now, int[] counts) {
        int rate = billing.taxRatePercent();
        List<Long> ids = new ArrayList<>(claimed.keySet());
        Long[] totals = new Long[ids.size()];
        Long[] taxes = new Long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long total = Math.addExact(byTerm.get(ids.get(i)).getLong("application_fee_jpy"), setupFee);
            totals[i] = total;
            taxes[i] = Tax.contained(total, rate);
        }
        return conn.preparedQuery(QUOTES).execute(Tuple.from(List.of(ids.toArray(Long[]::new), totals, taxes, setupFee,
                        feeId, rate, now, ACTOR)))
                .flatMap(quoteRows -> {
                    Map<Long, Long> quoteOf = new HashMap<>();
                    quoteRows.forEach(r -> quoteOf.put(r.getLong("renewal_term_id"), r.getLong("id")));
                    int n = ids.size();
                    Long[] orders = new Long[n];
                    String[] kinds = new String[n];
                    String[] labels = new String[n];
                    String[] recipients = new String[n];
                    String[] subjects = new String[n];
                    String[] bodies = new String[n];
                    String[] notes = new String[n];
                    for (int i = 0; i < n; i++) {
                        Row r = byTerm.get(ids.get(i));
                        int window = claimed.get(ids.get(i));
                        long total = totals[i];
                        RenewalMails.Mail mail = RenewalMails.render(new RenewalMails.Facts(text.issuer(), text.signature(),
                                r.getString("organisation_name"),
                                r.getString("domain"), r.getString("product_name"), r.getLocalDate("ends_on"),
                                quoteOf.get(ids.get(i)), r.getLong("application_fee_jpy"), setupFee, total, rate, taxes[i]),
                                today);
                        orders[i] = r.getLong("order_id");
                        kinds[i] = (window < 0 ? NoticeKind.TERM_ENDED : NoticeKind.RENEWAL_DUE).name();
                        labels[i] = window < 0 ? "term ended " + r.getLocalDate("ends_on") + " (" + (-window) + " day(s) after)"
                                : "renewal due " + r.getLocalDate("ends_on") + " (" + window + " days before)";
                        recipients[i] = r.getString("notice_email");
                        subjects[i] = mail.subject();
                        bodies[i] = mail.body();
                        notes[i] = "Renewal notice queued (" + labels[i] + ") with RENEWAL quote " + quoteOf.get(ids.get(i));
                    }
                    return conn.preparedQuery(OUTBOX).execute(Tuple.from(List.of(orders, kinds, labels, recipients, subjects,
                                    bodies, ACTOR, now)))
                            .flatMap(outboxRows -> {
                                Map<Long, Long> outboxOf = new HashMap<>();
                                outboxRows.forEach(r -> outboxOf.put(r.getLong("order_id"), r.getLong("id")));
                                Integer[] windowArray = new Integer[n];
                                Long[] quoteArray = new Long[n];
                                Long[] outboxArray = new Long[n];
                                for (int i = 0; i < n; i++) {
                                    windowArray[i] = claimed.get(ids.get(i));
                                    quoteArray[i] = quoteOf.get(ids.get(i));
                                    outboxArray[i] = outboxOf.get(orders[i]);
                                }
                                counts[1] += n;
                                return conn.preparedQuery(LINK).execute(Tuple.of(ids.toArray(Long[]::new), windowArray,
                                                quoteArray, outboxArray))
                                        .chain(() -> conn.preparedQuery(TIMELINE).execute(Tuple.of(orders, notes, now, ACTOR)))
                                        .replaceWithVoid();
                            });
                });
    }

    /** Active terms ending in [from, to] after the keyset cursor, with no renewal under way, and what a notice needs. */
    private static final String DUE = """
            select t.id, t.order_id, t.domain, t.ends_on, c.organisation_name, c.notice_email,
                   p.name as product_name, p.application_fee_jpy
            from certificate_term t
            join customer c on c.id = t.customer_id
            join product p on p.code = t.product_code
            where t.state = 'ACTIVE' and t.ends_on between $1 and $2 and (t.ends_on, t.id) > ($3, $4)
              and ($6::text is null or t.customer_id = $6)
              and (t.renewal_order_id is null
                   or exists (select 1 from orders r where r.id = t.renewal_order_id and r.state = 'CANCELLED'))
            order by t.ends_on, t.id
            limit $5""";

    private static final String CLAIM = """
            insert into renewal_notice (term_id, window_days, noticed_on, created_at)
            select u.term_id, u.window_days, $3, $4 from unnest($1::bigint[], $2::int[]) as u(term_id, window_days)
            on conflict (term_id, window_days) do nothing
            returning term_id, window_days""";

    private static final String FEE = """
            select id, setup_fee_jpy from fee_schedule
            where order_type = 'RENEWAL' and valid_from <= $1 and (valid_to is null or valid_to > $1)""";

    private static final String QUOTES = """
            insert into quote (customer_id, product_code, product_name, validation_level, order_type, domain, server_id,
                               application_fee_jpy, setup_fee_jpy, fee_schedule_id, total_jpy, tax_rate_percent,
                               contained_tax_jpy, status, created_at, created_by, requires_attorney_letter, issuer,
                               key_algorithm, binding_strategy, https_url, renewal_term_id)
            select t.customer_id, t.product_code, p.name, p.validation_level, 'RENEWAL', t.domain, t.server_id,
                   p.application_fee_jpy, $4, $5, u.total, $6, u.tax, 'OPEN', $7, $8, p.requires_attorney_letter, p.issuer,
                   p.key_algorithm, o.binding_strategy, o.https_url, t.id
            from unnest($1::bigint[], $2::bigint[], $3::bigint[]) as u(term_id, total, tax)
            join certificate_term t on t.id = u.term_id
            join product p on p.code = t.product_code
            join orders o on o.id = t.order_id
            returning id, renewal_term_id""";

    /** Queues mails in bulk (one row per array element); the reissue run queues its mails the same way. */
    static final String OUTBOX = """
            insert into notice_outbox (order_id, kind, label, recipient, subject, body, requested_by, created_at,
                                       next_attempt_at)
            select u.order_id, u.kind, u.label, u.recipient, u.subject, u.body, $7, $8, $8
            from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                 as u(order_id, kind, label, recipient, subject, body)
            returning id, order_id""";

    private static final String LINK = """
            update renewal_notice n set quote_id = u.quote_id, outbox_id = u.outbox_id
            from unnest($1::bigint[], $2::int[], $3::bigint[], $4::bigint[]) as u(term_id, window_days, quote_id, outbox_id)
            where n.term_id = u.term_id and n.window_days = u.window_days""";

    private static final String TIMELINE = """
            insert into order_event (order_id, at, actor, kind, note)
            select u.order_id, $3, $4, 'NOTICE', u.note from unnest($1::bigint[], $2::text[]) as u(order_id, note)""";
}
