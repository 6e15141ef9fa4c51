package io.certdesk.order.reconcile;

import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.invoice.InvoiceStatus;
import io.certdesk.order.payment.Payment;
import io.certdesk.order.payment.PaymentMethod;
import io.certdesk.order.payment.PaymentService;
import io.certdesk.order.platform.Digests;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Offload;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bank statements that settle invoices. An import reads the credits (all or nothing), skips those an earlier
 * statement brought already, and matches each new one to an open invoice: by the invoice number customers put
 * before their transfer name, or by the transfer name (振込名義) against the customer's kana name; the amount must
 * settle the balance exactly, or within the accepted transfer fee (booked as a fee). A credit that fits exactly one
 * invoice is booked as a bank-transfer payment (the order moves to PAID, the confirmation is mailed); any other waits
 * in the review queue for accounting to assign or dismiss. Importing the same file again changes nothing.
 */
@ApplicationScoped
public class Reconciliation {

    static final String ACTOR_SUFFIX = " (bank statement)";

    private final PaymentService payments;
    private final BillingConfig billing;
    private final BankCreditRepository credits;

    public Reconciliation(PaymentService payments, BillingConfig billing, BankCreditRepository credits) {
        this.credits = credits;
        this.payments = payments;
        this.billing = billing;
    }

    /** What an import did; {@code replayed} when the same file had been imported before (nothing changed). */
    public record Imported(BankStatement statement, boolean replayed) {
    }

    /** An open invoice as matching sees it; the balance goes down as credits settle it. */
    private static final class Open {
        final long invoiceId;
        final String number;
        final String customerKey;
        long balance;

        /** The number's digits (2026000042) and its serial without the year (42), computed once. */
        private final String digits;
        private final String serial;

        Open(long invoiceId, String number, String customerKey, long balance) {
            this.invoiceId = invoiceId;
            this.number = number;
            this.digits = number.replaceAll("[^0-9]", "");
            this.serial = digits.length() > 4 ? digits.substring(4).replaceFirst("^0+(?=.)", "") : null;
            this.customerKey = customerKey;
            this.balance = balance;
        }

        /** INV-2026-000042 answers to 42 and to 2026000042. */
        boolean answersTo(String hint) {
            return hint.equals(digits) || hint.equals(serial);
        }
    }

    private record Decision(Open invoice, long fee, String reason) {
    }

    /** A statement's credits, their line keys and the file's SHA-256. */
    private record Read(List<StatementParser.Credit> credits, List<String> keys, String sha) {
    }

    public Uni<Imported> importStatement(byte[] file, String fileName, String actor) {
        // reading up to 20,000 rows (normalising, hashing) is CPU work: off the event loop, and before the transaction
        // begins, so no connection waits in an open transaction meanwhile
        return Offload.cpu(() -> {
            List<StatementParser.Credit> credits = StatementParser.parse(file);
            return new Read(credits, keys(credits), Digests.sha256Hex(file));
        }).flatMap(read -> Panache.withTransaction(() -> store(read, fileName, actor)));
    }

    private Uni<Imported> store(Read read, String fileName, String actor) {
        List<StatementParser.Credit> credits = read.credits();
        String sha = read.sha();
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "from BankStatement where fileSha256 = :sha", BankStatement.class)
                .setParameter("sha", sha).getSingleResultOrNull()
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new Imported(existing, true));
                    }
                    BankStatement s = new BankStatement();
                    s.fileSha256 = sha;
                    s.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
                    s.importedAt = Times.now();
                    s.importedBy = actor;
                    s.credits = credits.size();
                    return session.persist(s).chain(session::flush)
                            .chain(() -> openInvoices())
                            .flatMap(open -> known(read.keys())
                                    .flatMap(known -> each(credits, read.keys(), known, s, open, actor)))
                            .replaceWith(new Imported(s, false));
                }));
    }

    /** Line keys: the day, amount, transfer name and reference, and which of identical lines in the file it is. */
    private static List<String> keys(List<StatementParser.Credit> credits) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (StatementParser.Credit c : credits) {
            String base = c.valueDate() + "|" + c.amountJpy() + "|" + c.payerName().strip() + "|"
                    + (c.reference() == null ? "" : c.reference());
            int occurrence = seen.merge(base, 1, Integer::sum);
            keys.add(Digests.sha256Hex(base + "|" + occurrence));
        }
        return keys;
    }

    /** The line keys an earlier statement brought already, read once per import. */
    private Uni<java.util.Set<String>> known(List<String> keys) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select lineKey from BankCredit where lineKey in :keys", String.class)
                .setParameter("keys", keys).getResultList())
                .map(java.util.HashSet::new);
    }

    /** One credit after the other (a session runs one statement at a time), iteratively: no depth per line. */
    private Uni<Void> each(List<StatementParser.Credit> credits, List<String> keys, java.util.Set<String> known,
            BankStatement s, List<Open> open, String actor) {
        return Multi.createFrom().range(0, credits.size())
                .onItem().transformToUniAndConcatenate(i -> {
                    if (known.contains(keys.get(i))) {
                        s.duplicates++;
                        return Uni.createFrom().item(i);
                    }
                    return book(credits.get(i), keys.get(i), s, open, actor).replaceWith(i);
                })
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> book(StatementParser.Credit c, String key, BankStatement s, List<Open> open, String actor) {
        PayerNames.Parsed payer = PayerNames.parse(c.payerName());
        Decision d = decide(c.amountJpy(), payer, open);
        BankCredit credit = new BankCredit();
        credit.statementId = s.id;
        credit.lineKey = key;
        credit.valueDate = c.valueDate();
        credit.amountJpy = c.amountJpy();
        credit.payerName = c.payerName().strip();
        credit.payerKey = payer.key().length() > 200 ? payer.key().substring(0, 200) : payer.key();
        credit.reference = c.reference() == null ? null
                : c.reference().length() > 100 ? c.reference().substring(0, 100) : c.reference();
        credit.reason = clip(d.reason(), 500);
        credit.createdAt = Times.now();
        if (d.invoice() == null) {
            credit.status = BankCredit.Status.REVIEW;
            s.review++;
            return Panache.getSession().flatMap(session -> session.persist(credit));
        }
        d.invoice().balance -= c.amountJpy() + d.fee();
        s.matched++;
        return settle(credit, d.invoice().invoiceId, d.fee(), c.amountJpy() + d.fee(), actor + ACTOR_SUFFIX)
                // the invoice changed since the statement was read (a payment or a cancellation meanwhile): nothing
                // was written for it, and the credit waits for a person instead of failing the whole import. Any other
                // failure fails the import (one transaction), so no payment is ever booked for a credit left in review.
                .onFailure(PaymentService.BalanceChanged.class).recoverWithUni(e -> {
                    d.invoice().balance += c.amountJpy() + d.fee();
                    s.matched--;
                    s.review++;
                    credit.status = BankCredit.Status.REVIEW;
                    credit.reason = clip("could not be booked on " + d.invoice().number + ": " + e.getMessage(), 500);
                    return Uni.createFrom().voidItem();
                })
                .flatMap(v -> Panache.getSession().flatMap(session -> session.persist(credit)));
    }

    /** Books the credit as a payment of the invoice; the credit becomes MATCHED. */
    private Uni<Void> settle(BankCredit credit, long invoiceId, long fee, Long expectedBalanceJpy, String actor) {
        Instant paidAt = credit.valueDate.atStartOfDay(billing.zone()).toInstant();
        String reference = "振込 " + credit.payerName + (credit.reference == null ? "" : " 照会番号" + credit.reference);
        return payments.settle(new PaymentService.Money(invoiceId, credit.amountJpy, fee, PaymentMethod.BANK_TRANSFER,
                        reference.length() > 200 ? reference.substring(0, 200) : reference, paidAt),
                        expectedBalanceJpy, "bank-credit-" + credit.lineKey, actor)
                .invoke((Payment p) -> {
                    credit.status = BankCredit.Status.MATCHED;
                    credit.invoiceId = invoiceId;
                    credit.paymentId = p.id;
                    credit.transferFeeJpy = fee;
                })
                .replaceWithVoid();
    }

    /** The one invoice the credit settles, with the fee it deducted, or why it needs a person. */
    Decision decide(long amount, PayerNames.Parsed payer, List<Open> open) {
        int tolerance = billing.transferFeeToleranceJpy();
        List<Open> candidates;
        String how;
        List<Open> byNumber = payer.hint() == null ? List.of()
                : open.stream().filter(o -> o.balance > 0 && o.answersTo(payer.hint())
                        && (payer.key().isEmpty() || o.customerKey.equals(payer.key()))).toList();
        if (!byNumber.isEmpty()) {
            candidates = byNumber;
            how = "invoice number " + payer.hint() + " in the transfer name";
        } else {
            candidates = open.stream().filter(o -> o.balance > 0 && !payer.key().isEmpty()
                    && o.customerKey.equals(payer.key())).toList();
            how = "transfer name " + payer.key();
            if (candidates.isEmpty()) {
                return new Decision(null, 0, "no open invoice of a customer named " + payer.key()
                        + (payer.hint() == null ? "" : " or numbered " + payer.hint()));
            }
        }
        List<Open> exact = candidates.stream().filter(o -> o.balance == amount).toList();
        if (exact.size() == 1) {
            return new Decision(exact.get(0), 0, "matched by " + how + " and the exact amount");
        }
        if (exact.size() > 1) {
            return new Decision(null, 0, "ambiguous: " + how + " and " + amount + " JPY fit invoices "
                    + list(exact.stream().map(o -> o.number).toList()));
        }
        List<Open> withFee = candidates.stream().filter(o -> o.balance > amount && o.balance - amount <= tolerance)
                .toList();
        if (withFee.size() == 1) {
            long fee = withFee.get(0).balance - amount;
            return new Decision(withFee.get(0), fee, "matched by " + how + "; the customer deducted a transfer fee of "
                    + fee + " JPY, booked as a fee");
        }
        if (withFee.size() > 1) {
            return new Decision(null, 0, "ambiguous: " + how + " and " + amount + " JPY less a transfer fee fit invoices "
                    + list(withFee.stream().map(o -> o.number).toList()));
        }
        return new Decision(null, 0, "the amount " + amount + " JPY settles none of the open invoices found by " + how
                + " (" + list(candidates.stream().map(o -> o.number + ": " + o.balance + " JPY due").toList()) + ")");
    }

    private Uni<List<Open>> openInvoices() {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select i.id, i.number, c.organisationKana, i.totalJpy - i.paidJpy - i.feesJpy "
                                + "from Invoice i, Customer c where c.id = i.customerId and i.status = :open "
                                + "order by i.dueDate, i.id", Object[].class)
                .setParameter("open", InvoiceStatus.OPEN).getResultList())
                .map(rows -> rows.stream().map(r -> new Open((Long) r[0], (String) r[1], PayerNames.key((String) r[2]),
                        ((Number) r[3]).longValue())).collect(Collectors.toCollection(ArrayList::new)));
    }

    /** Accounting assigns a credit in review to an invoice (with the fee the customer deducted, if any). */
    @WithTransaction
    public Uni<BankCredit> assign(long creditId, long invoiceId, long fee, String actor) {
        return locked(creditId).flatMap(credit -> {
            if (credit.status != BankCredit.Status.REVIEW) {
                return Uni.createFrom().failure(DomainException.conflict("Bank credit " + creditId + " is "
                        + credit.status + "; only a credit in review can be assigned"));
            }
            credit.decidedBy = actor;
            credit.decidedAt = Times.now();
            credit.reason = "assigned by " + actor + " (was: " + clip(credit.reason, 400) + ")";
            return settle(credit, invoiceId, fee, null, actor).replaceWith(credit);
        });
    }

    /** Accounting dismisses a credit in review: not a customer's payment (a refund from a supplier, interest…). */
    @WithTransaction
    public Uni<BankCredit> dismiss(long creditId, String reason, String actor) {
        return locked(creditId).map(credit -> {
            if (credit.status != BankCredit.Status.REVIEW) {
                throw DomainException.conflict("Bank credit " + creditId + " is " + credit.status
                        + "; only a credit in review can be dismissed");
            }
            credit.status = BankCredit.Status.IGNORED;
            credit.decidedBy = actor;
            credit.decidedAt = Times.now();
            credit.reason = "dismissed by " + actor + ": " + clip(reason, 400);
            return credit;
        });
    }

    private Uni<BankCredit> locked(long creditId) {
        return Panache.getSession().flatMap(session -> session.find(BankCredit.class, creditId, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> DomainException.notFound("Bank credit", creditId));
    }

    @WithSession
    public Uni<BankStatement> statement(long id) {
        return Panache.getSession().flatMap(session -> session.find(BankStatement.class, id))
                .onItem().ifNull().failWith(() -> DomainException.notFound("Bank statement", id));
    }

    /** The listing's filters; null means any. */
    public record Filter(BankCredit.Status status, Long statementId) {
    }

    @WithSession
    public Uni<Page<BankCredit>> list(Filter f, PageRequest paging) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.statementId() != null) {
            where.add("statementId = :statement");
            params.and("statement", f.statementId());
        }
        String hql = "from BankCredit" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        var sort = paging.sort(Map.of("valueDate", "valueDate", "amountJpy", "amountJpy", "id", "id"), "valueDate", "id");
        var query = credits.find(hql, sort, params);
        return query.page(paging.page, paging.size).list()
                .flatMap(items -> query.count().map(total -> paging.page(items, total)));
    }

    /** The first five, and how many more. */
    private static String list(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(5, items.size())))
                + (items.size() > 5 ? " and " + (items.size() - 5) + " more" : "");
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
