package io.certdesk.order.renewal;

import io.certdesk.order.customer.CustomerRepository;
import io.certdesk.order.notice.NoticeConfig;
import io.certdesk.order.notice.NoticeKind;
import io.certdesk.order.notice.NoticeOutbox;
import io.certdesk.order.notice.NoticeText;
import io.certdesk.order.notice.ProcessNotices;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderRepository;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.platform.Times;
import io.certdesk.order.product.ProductRepository;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reissues inside a paid term. A run starts a REISSUE order for each active term whose certificate reached its
 * reissue time (free, no quote: it starts APPLYING and the orchestration takes it through a new key — or the kept
 * one — the CA, the link and the probe); the order's installation retires the old certificate from the term and
 * tells the customer in Japanese. A run also alerts staff, once per certificate, when a term's certificate expires
 * within the alert days and its replacement is not deployed.
 */
@ApplicationScoped
public class Reissues {

    static final String ACTOR = "reissues";

    private final Pool db;
    private final RenewalConfig config;
    private final TermRepository terms;
    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final ProductRepository products;
    private final OrderWorkflow workflow;
    private final NoticeOutbox outbox;
    private final NoticeText text;
    private final NoticeConfig notices;
    private final Template reissued;
    private final Template staffAlert;
    private final Terms termsPlan;
    private final ProcessNotices processNotices;

    Reissues(Terms termsPlan, Pool db, RenewalConfig config, TermRepository terms, OrderRepository orders, CustomerRepository customers,
            ProductRepository products, OrderWorkflow workflow, NoticeOutbox outbox, NoticeText text, NoticeConfig notices,
            @Location("notices/certificate-reissued.txt") Template reissued,
            @Location("notices/staff-alert.txt") Template staffAlert, ProcessNotices processNotices) {
        this.processNotices = processNotices;
        this.termsPlan = termsPlan;
        this.db = db;
        this.config = config;
        this.terms = terms;
        this.orders = orders;
        this.customers = customers;
        this.products = products;
        this.workflow = workflow;
        this.outbox = outbox;
        this.text = text;
        this.notices = notices;
        this.reissued = reissued;
        this.staffAlert = staffAlert;
    }

    /**
     * Starts the reissues due before {@code before}, of one customer or all, in batches; answers how many orders it
     * made. The orders and their first steps are stamped with the real time, so they run at once.
     */
    public Uni<Integer> start(Instant before, String customerId) {
        OffsetDateTime at = OffsetDateTime.ofInstant(Times.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime due = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
        return batch(due, at, customerId, 0);
    }

    private Uni<Integer> batch(OffsetDateTime due, OffsetDateTime now, String customerId, int started) {
        int size = config.batchSize();
        return db.withTransaction(conn -> conn.preparedQuery(START).execute(Tuple.of(due, size, now, customerId))
                .flatMap(rows -> {
                    List<Long> orderIds = new ArrayList<>();
                    List<Long> termOrders = new ArrayList<>();
                    List<String> notes = new ArrayList<>();
                    for (Row r : rows) {
                        String note = "Reissue of certificate " + r.getString("certificate_id") + " inside the paid term "
                                + r.getLocalDate("starts_on") + " – " + r.getLocalDate("ends_on") + " (it expires "
                                + r.getOffsetDateTime("certificate_expires_at").toLocalDate() + "): free of charge, "
                                + (r.getBoolean("kept_key") ? "keeping the key" : "with a new key");
                        orderIds.add(r.getLong("order_id"));
                        notes.add(note);
                        termOrders.add(r.getLong("term_order_id"));
                        notes.add(note + " (order " + r.getLong("order_id") + ")");
                    }
                    if (orderIds.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> timeline = new ArrayList<>(orderIds.size() * 2);
                    for (int i = 0; i < orderIds.size(); i++) {
                        timeline.add(orderIds.get(i));
                        timeline.add(termOrders.get(i));
                    }
                    return conn.preparedQuery(STEPS).execute(Tuple.of(orderIds.toArray(Long[]::new), now))
                            .chain(() -> conn.preparedQuery(TIMELINE).execute(Tuple.of(timeline.toArray(Long[]::new),
                                    notes.toArray(String[]::new), now, ACTOR)))
                            .replaceWith(orderIds.size());
                }))
                .flatMap(n -> n < size ? Uni.createFrom().item(started + n) : batch(due, now, customerId, started + n));
    }

    /**
     * The REISSUE order's certificate is served: the certificate it replaced is retired from the term (the term's
     * certificate became the new one when it arrived), the reissue is no longer under way, and the customer is told.
     * Caller's transaction.
     */
    public Uni<Void> installed(CertificateOrder o, String actor) {
        return terms.findForUpdate(o.termId).flatMap(t -> {
            if (t.reissueOrderId != null && t.reissueOrderId.equals(o.id)) {
                t.reissueOrderId = null;
            }
            if (!o.certificateId.equals(t.certificateId)) {
                termsPlan.certificateServed(t, o);
            }
            return orders.find("certificateId = ?1 order by id desc", o.renewsCertificateId).firstResult()
                    .flatMap(old -> customers.findById(o.customerId)
                            .flatMap(customer -> products.findByCode(o.productCode).flatMap(product -> {
                                String body = reissued.data("customerName", customer.organisationName)
                                        .data("issuerName", text.issuer()).data("domain", o.domain)
                                        .data("productName", product == null ? o.productCode : product.name)
                                        .data("expiresDate", NoticeText.date(LocalDate.ofInstant(o.certificateExpiresAt,
                                                Terms.TOKYO)))
                                        .data("startDate", NoticeText.date(t.startsOn))
                                        .data("endDate", NoticeText.date(t.endsOn))
                                        .data("keptKey", old != null && o.keyId != null && o.keyId.equals(old.keyId))
                                        .data("oldSerial", old == null ? o.renewsCertificateId : old.certificateSerial)
                                        .data("orderId", o.id).data("signature", text.signature()).render();
                                String subject = "【" + text.issuer() + "】SSLサーバー証明書の再発行・切り替え完了のお知らせ（"
                                        + o.domain + "）";
                                return outbox.enqueue(o.id, NoticeKind.CERTIFICATE_REISSUED, "certificate reissued "
                                        + o.certificateId, customer.noticeEmail, subject, body, actor);
                            }))
                            .flatMap(n -> workflow.record(o.id, OrderEvent.Kind.STEP, actor, "Certificate "
                                    + o.renewsCertificateId + " retired: " + o.domain + " serves " + o.certificateId
                                    + "; the customer is told (notice " + n.id + ")"))
                            .flatMap(v -> workflow.record(t.orderId, OrderEvent.Kind.STEP, actor, "Certificate "
                                    + o.renewsCertificateId + " replaced by " + o.certificateId + " (reissue order "
                                    + o.id + ")"))
                            // a new key is a new bundle for the customer's records, its passphrase told apart
                            .flatMap(v -> old != null && o.keyId != null && o.keyId.equals(old.keyId)
                                    ? Uni.createFrom().voidItem() : processNotices.deliverables(o, actor)));
        });
    }

    /** A cancelled REISSUE order is no longer under way; the next run starts another if the term still needs it. */
    public Uni<Void> cancelled(CertificateOrder o) {
        return terms.findForUpdate(o.termId).invoke(t -> {
            if (t.reissueOrderId != null && t.reissueOrderId.equals(o.id)) {
                t.reissueOrderId = null;
            }
        }).replaceWithVoid();
    }

    /**
     * Alerts staff about each active term whose certificate expires before {@code horizon} while the term runs on
     * and no replacement is deployed; once per certificate (the claim is the term's alerted certificate).
     */
    public Uni<Integer> alert(Instant now, String customerId) {
        // the alert is about the run's moment; the mail is queued now, to go out at once
        OffsetDateTime at = OffsetDateTime.ofInstant(Times.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime horizon = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).plusDays(config.reissue().alertDaysBefore());
        return db.withTransaction(conn -> conn.preparedQuery(ALERT).execute(Tuple.of(horizon, config.batchSize(), customerId))
                .flatMap(rows -> {
                    List<Row> alerts = new ArrayList<>();
                    rows.forEach(alerts::add);
                    if (alerts.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    int n = alerts.size();
                    Long[] orderIds = new Long[n];
                    String[] labels = new String[n];
                    String[] subjects = new String[n];
                    String[] bodies = new String[n];
                    String[] notes = new String[n];
                    for (int i = 0; i < n; i++) {
                        Row r = alerts.get(i);
                        LocalDate expires = r.getOffsetDateTime("certificate_expires_at").atZoneSameInstant(Terms.TOKYO)
                                .toLocalDate();
                        Long reissue = r.getLong("reissue_order_id");
                        long daysLeft = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, Terms.TOKYO), expires);
                        orderIds[i] = reissue != null ? reissue : r.getLong("order_id");
                        labels[i] = "staff alert: certificate " + r.getString("certificate_id") + " expires " + expires;
                        subjects[i] = "【要対応】証明書の期限切れが迫っています：" + r.getString("domain") + "（" + NoticeText.date(expires)
                                + "）";
                        bodies[i] = staffAlert.data("customerName", r.getString("organisation_name"))
                                .data("customerId", r.getString("customer_id")).data("domain", r.getString("domain"))
                                .data("certificateId", r.getString("certificate_id"))
                                .data("expiresDate", NoticeText.date(expires)).data("daysLeft", daysLeft)
                                .data("startDate", NoticeText.date(r.getLocalDate("starts_on")))
                                .data("endDate", NoticeText.date(r.getLocalDate("ends_on")))
                                .data("reissueOrder", reissue == null ? "なし（まだ開始されていません）" : "注文番号 " + reissue)
                                .render();
                        notes[i] = "Staff alerted: certificate " + r.getString("certificate_id") + " expires " + expires
                                + " and its replacement is not deployed";
                    }
                    String[] kinds = new String[n];
                    String[] recipients = new String[n];
                    java.util.Arrays.fill(kinds, NoticeKind.STAFF_ALERT.name());
                    java.util.Arrays.fill(recipients, notices.staffEmail());
                    return conn.preparedQuery(RenewalNotices.OUTBOX).execute(Tuple.from(List.of(orderIds, kinds, labels, recipients,
                                    subjects, bodies, ACTOR, at)))
                            .chain(() -> conn.preparedQuery(TIMELINE).execute(Tuple.of(orderIds, notes, at, ACTOR)))
                            .replaceWith(n);
                }));
    }

    /**
     * Claims the due terms (SKIP LOCKED: two runs share them, never start one twice) and makes their REISSUE orders
     * from the latest order that holds the current certificate (its server, binding and, when the product keeps its
     * key, its key and CSR), with the product's key algorithm for a new key.
     */
    private static final String START = """
            with due as (
                select t.id, t.order_id, t.certificate_id from certificate_term t
                where t.state = 'ACTIVE' and t.reissue_at is not null and t.reissue_order_id is null and t.reissue_at < $1
                  and ($4::text is null or t.customer_id = $4)
                order by t.reissue_at, t.id limit $2 for update of t skip locked),
            made as (
                insert into orders (customer_id, product_code, validation_level, order_type, domain, server_id,
                                    renews_certificate_id, state, created_at, updated_at, requires_attorney_letter, issuer,
                                    key_algorithm, binding_strategy, key_id, csr_fingerprint, binding_id, binding_created,
                                    https_url, term_id)
                select cur.customer_id, cur.product_code, cur.validation_level, 'REISSUE', cur.domain, cur.server_id,
                       d.certificate_id, 'APPLYING', $3, $3, cur.requires_attorney_letter, cur.issuer,
                       case when p.reuse_key then cur.key_algorithm else p.key_algorithm end, cur.binding_strategy,
                       case when p.reuse_key then cur.key_id end, case when p.reuse_key then cur.csr_fingerprint end,
                       cur.binding_id, false, cur.https_url, d.id
                from due d
                join lateral (select o.* from orders o where o.certificate_id = d.certificate_id and o.customer_id =
                              (select customer_id from certificate_term where id = d.id)
                              order by o.id desc limit 1) cur on true
                join product p on p.code = cur.product_code
                returning id, term_id, key_id is not null as kept_key)
            update certificate_term t set reissue_order_id = m.id, version = t.version + 1
            from made m where t.id = m.term_id
            returning m.id as order_id, t.order_id as term_order_id, t.certificate_id, t.certificate_expires_at,
                      t.starts_on, t.ends_on, m.kept_key""";

    private static final String STEPS = """
            insert into orchestration_step (order_id, kind, status, next_attempt_at, created_at, updated_at)
            select u.order_id, 'PREPARE_CSR', 'PENDING', $2, $2, $2 from unnest($1::bigint[]) as u(order_id)""";

    private static final String TIMELINE = """
            insert into order_event (order_id, at, actor, kind, note)
            select u.order_id, $3, $4, 'STEP', u.note from unnest($1::bigint[], $2::text[]) as u(order_id, note)""";

    /** Terms to alert about, claimed by recording the certificate as alerted. */
    private static final String ALERT = """
            with due as (
                select t.id from certificate_term t
                where t.state = 'ACTIVE' and t.certificate_expires_at < $1 and t.reissue_at is not null
                  and t.alerted_certificate_id is distinct from t.certificate_id
                  and ($3::text is null or t.customer_id = $3)
                order by t.certificate_expires_at, t.id limit $2 for update of t skip locked)
            update certificate_term t set alerted_certificate_id = t.certificate_id, version = t.version + 1
            from due, customer c
            where t.id = due.id and c.id = t.customer_id
            returning t.id, t.order_id, t.reissue_order_id, t.customer_id, c.organisation_name, t.domain,
                      t.certificate_id, t.certificate_expires_at, t.starts_on, t.ends_on""";

}
