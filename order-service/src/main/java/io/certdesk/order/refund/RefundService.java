package io.certdesk.order.refund;

import io.certdesk.order.customer.JapaneseInput;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.invoice.Invoice;
import io.certdesk.order.invoice.InvoiceRepository;
import io.certdesk.order.invoice.InvoiceService;
import io.certdesk.order.invoice.InvoiceStatus;
import io.certdesk.order.notice.ProcessNotices;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.payment.Payment;
import io.certdesk.order.payment.PaymentMethod;
import io.certdesk.order.payment.PaymentService;
import io.certdesk.order.platform.Digests;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;

/**
 * Money that goes back to customers. An invoice holds money to return when it was overpaid (the excess) or when its
 * order was cancelled after money arrived (everything received). Staff record each refund by bank transfer (the day,
 * the amount, the bank's fee and who bore it, the account) or apply the money to another open invoice of the same
 * customer, which books it there as a payment (APPLIED_CREDIT) and moves that order on when it is paid in full. The
 * excess goes back first; the part that returns the price of the sale gets a refund invoice (適格返還請求書) with the
 * amount and tax per rate. The customer is mailed in Japanese, the order's timeline records it, and the invoice ends
 * REFUNDED (or PAID, after an overpayment) once nothing is left to return.
 */
@ApplicationScoped
public class RefundService {

    private static final Map<String, String> SORTS = Map.of("refundDate", "refundDate", "recordedAt", "recordedAt",
            "amountJpy", "amountJpy", "id", "id");
    /** A bank account holder as Japanese banks print it: katakana, digits, Latin capitals, space and ().-/ */
    private static final java.util.regex.Pattern HOLDER = java.util.regex.Pattern.compile(
            "[\\u30A1-\\u30FA\\u30FC0-9A-Z ().\\-/「」、，,]+");

    private final RefundRepository refunds;
    private final InvoiceRepository invoices;
    private final InvoiceService invoiceService;
    private final PaymentService payments;
    private final OrderWorkflow workflow;
    private final ProcessNotices notices;
    private final BillingConfig billing;

    public RefundService(RefundRepository refunds, InvoiceRepository invoices, InvoiceService invoiceService,
            PaymentService payments, OrderWorkflow workflow, ProcessNotices notices, BillingConfig billing) {
        this.refunds = refunds;
        this.invoices = invoices;
        this.invoiceService = invoiceService;
        this.payments = payments;
        this.workflow = workflow;
        this.notices = notices;
        this.billing = billing;
    }

    /** Records one refund or application; retries are answered by the platform's Idempotency-Key record. */
    @WithTransaction
    public Uni<RefundView> record(RefundRequest r, String idempotencyKey, String actor) {
        LocalDate today = LocalDate.now(billing.zone());
        boolean applied = r.method() == Refund.Method.APPLIED_TO_INVOICE;
        RefundRequest.Account account = checked(r, applied, today);
        LocalDate day = r.refundDate() == null ? today : r.refundDate();
        long sourceId = r.invoiceId().number();
        Long targetId = applied ? r.targetInvoiceId().number() : null;
        return invoices.orderIdOf(sourceId)
                .onItem().ifNull().failWith(() -> DomainException.unknownReference("invoiceId", "invoice", sourceId))
                .flatMap(sourceOrder -> (targetId == null ? Uni.createFrom().item((Long) null)
                        : invoices.orderIdOf(targetId).onItem().ifNull().failWith(() ->
                                DomainException.unknownReference("targetInvoiceId", "invoice", targetId)))
                        // both orders locked in id order, as every command locks one order: no deadlock between two
                        // applications running in opposite directions
                        .flatMap(targetOrder -> lockBoth(sourceOrder, targetOrder)))
                .flatMap(order -> invoices.findForUpdate(sourceId).flatMap(source -> {
                    long due = source.refundDueJpy();
                    if (due == 0) {
                        return Uni.createFrom().failure(DomainException.conflict("Invoice " + source.number + " is "
                                + source.status + ": nothing is left to return to the customer (money goes back from "
                                + "an OVERPAID invoice or a cancelled order's REFUND_DUE invoice)"));
                    }
                    if (r.amountJpy() > due) {
                        return Uni.createFrom().failure(DomainException.conflict("Invoice " + source.number + " has "
                                + due + " JPY left to return; " + r.amountJpy() + " JPY is more than that"));
                    }
                    if (day.isBefore(source.issueDate)) {
                        return Uni.createFrom().failure(DomainException.invalid("refundDate", "is before invoice "
                                + source.number + " was issued (" + source.issueDate + ")"));
                    }
                    // the excess goes back first; what is left of the amount returns the price of the sale
                    long excessLeft = source.overpaidJpy - Math.min(source.overpaidJpy, source.returnedJpy);
                    long consideration = r.amountJpy() - Math.min(r.amountJpy(), excessLeft);
                    Uni<Applied> target = targetId == null ? Uni.createFrom().item(new Applied(null, null))
                            : apply(source, targetId, r.amountJpy(), idempotencyKey, actor);
                    return target.flatMap(t -> book(order, source, r, account, day, consideration, t, actor));
                }));
    }

    private record Applied(Invoice invoice, Payment payment) {
    }

    /** The money pays another open invoice of the same customer, as a payment of method APPLIED_CREDIT. */
    private Uni<Applied> apply(Invoice source, long targetId, long amount, String key, String actor) {
        return invoices.findForUpdate(targetId).flatMap(target -> {
            if (!target.customerId.equals(source.customerId)) {
                return Uni.createFrom().failure(DomainException.invalid("targetInvoiceId", "is an invoice of another "
                        + "customer; money is applied only to invoices of the customer who paid it"));
            }
            if (target.status != InvoiceStatus.OPEN) {
                return Uni.createFrom().failure(DomainException.conflict("Invoice " + target.number + " is "
                        + target.status + "; money is applied only to an OPEN invoice"));
            }
            if (amount > target.balanceJpy()) {
                return Uni.createFrom().failure(DomainException.invalid("amountJpy", "is more than the "
                        + target.balanceJpy() + " JPY invoice " + target.number + " still asks for; apply at most "
                        + "that and refund the rest"));
            }
            return payments.settle(new PaymentService.Money(targetId, amount, 0, PaymentMethod.APPLIED_CREDIT,
                            "invoice " + source.number, Times.now()), "refund-" + Digests.sha256Hex(key), actor)
                    .map(p -> new Applied(target, p));
        });
    }

    private Uni<RefundView> book(CertificateOrder order, Invoice source, RefundRequest r, RefundRequest.Account account,
            LocalDate day, long consideration, Applied applied, String actor) {
        source.returnedJpy += r.amountJpy();
        source.status = source.statusAfterReturn();
        Refund refund = new Refund();
        refund.invoiceId = source.id;
        refund.method = r.method();
        refund.amountJpy = r.amountJpy();
        refund.considerationJpy = consideration;
        refund.refundDate = day;
        refund.transferFeeJpy = r.fee();
        refund.feeDeducted = r.deducted();
        if (account != null) {
            refund.bankName = account.bankName();
            refund.branchName = account.branchName();
            refund.accountType = account.accountType();
            refund.accountNumber = account.accountNumber();
            refund.accountHolder = account.accountHolder();
        }
        if (applied.invoice() != null) {
            refund.targetInvoiceId = applied.invoice().id;
            refund.targetPaymentId = applied.payment().id;
        }
        refund.note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        refund.recordedAt = Times.now();
        refund.recordedBy = actor;
        String how = applied.invoice() != null ? "請求書 " + applied.invoice().number + " のお支払いへの充当"
                : "お客様口座へのお振込み（" + account.bankName() + " " + account.branchName() + "）";
        return refunds.count("invoiceId", source.id).flatMap(n -> consideration == 0 ? Uni.createFrom().nullItem()
                        : invoiceService.refunded(source, (int) (n + 1), day, consideration, how))
                .flatMap(doc -> {
                    refund.documentId = doc == null ? null : doc.id;
                    return refunds.persist(refund);
                })
                .flatMap(saved -> invoices.flush())
                .flatMap(v -> workflow.record(order.id, OrderEvent.Kind.PAYMENT, actor, (applied.invoice() == null
                        ? "Refund of " + refund.amountJpy + " JPY by bank transfer on " + day + " (fee "
                                + refund.transferFeeJpy + " JPY " + (refund.feeDeducted ? "deducted" : "borne by us") + ")"
                        : "Applied " + refund.amountJpy + " JPY to invoice " + applied.invoice().number)
                        + " from invoice " + source.number + "; " + consideration + " JPY of it returns the price"
                        + (refund.documentId == null ? "" : " (refund invoice issued)") + "; " + source.refundDueJpy()
                        + " JPY left to return, invoice " + source.status))
                .flatMap(v -> notices.refundCompleted(order, source, new ProcessNotices.Refunded(refund.amountJpy,
                        refund.transferFeeJpy, refund.feeDeducted, day, refund.bankName, refund.branchName,
                        account == null ? null : account.accountType().label + " " + masked(account.accountNumber()),
                        applied.invoice() == null ? null : applied.invoice().number, consideration, refund.documentId),
                        actor))
                .map(v -> RefundView.of(refund, true));
    }

    /** The request's method-specific fields: present where the method needs them, absent where it does not. */
    private RefundRequest.Account checked(RefundRequest r, boolean applied, LocalDate today) {
        if (applied) {
            if (r.targetInvoiceId() == null) {
                throw DomainException.invalid("targetInvoiceId", "is required to apply money to another invoice");
            }
            if (r.targetInvoiceId().equals(r.invoiceId())) {
                throw DomainException.invalid("targetInvoiceId", "is the invoice the money comes from");
            }
            String transferOnly = r.account() != null ? "account" : r.fee() > 0 ? "transferFeeJpy"
                    : r.deducted() ? "feeDeducted" : null;
            if (transferOnly != null) {
                throw DomainException.invalid(transferOnly, "belongs to a refund by bank transfer, not to money "
                        + "applied to another invoice");
            }
            if (r.refundDate() != null && !r.refundDate().equals(today)) {
                throw DomainException.invalid("refundDate", "money is applied today (" + today + "); omit it");
            }
            return null;
        }
        if (r.targetInvoiceId() != null) {
            throw DomainException.invalid("targetInvoiceId", "belongs to money applied to another invoice, not to a "
                    + "refund by bank transfer");
        }
        if (r.account() == null) {
            throw DomainException.invalid("account", "is required: the account the refund was transferred to");
        }
        if (r.refundDate() == null) {
            throw DomainException.invalid("refundDate", "is required: the day the transfer was made");
        }
        if (r.refundDate().isAfter(today)) {
            throw DomainException.invalid("refundDate", "is after today (" + today + "); record a refund once it was "
                    + "transferred");
        }
        if (r.deducted() && r.fee() >= r.amountJpy()) {
            throw DomainException.invalid("transferFeeJpy", "is the whole amount; a deducted fee must leave something "
                    + "to transfer");
        }
        String holder = JapaneseInput.kana(r.account().accountHolder()).toUpperCase(java.util.Locale.ROOT);
        if (!HOLDER.matcher(holder).matches()) {
            throw DomainException.invalid("account.accountHolder", "must be the account holder in katakana as the "
                    + "bank prints it (e.g. カ）サンプル), not '" + r.account().accountHolder() + "'");
        }
        return new RefundRequest.Account(r.account().bankName().strip(), r.account().branchName().strip(),
                r.account().accountType(), r.account().accountNumber(), holder);
    }

    private Uni<CertificateOrder> lockBoth(long sourceOrder, Long targetOrder) {
        if (targetOrder == null || targetOrder == sourceOrder) {
            return workflow.lock(sourceOrder, null);
        }
        return targetOrder < sourceOrder
                ? workflow.lock(targetOrder, null).flatMap(t -> workflow.lock(sourceOrder, null))
                : workflow.lock(sourceOrder, null).flatMap(s -> workflow.lock(targetOrder, null).replaceWith(s));
    }

    private static String masked(String accountNumber) {
        return "＊＊＊＊" + accountNumber.substring(accountNumber.length() - 3);
    }

    @WithSession
    public Uni<Page<RefundView>> list(Long invoiceId, String customerId, boolean staff, PageRequest paging) {
        var query = refunds.filtered(invoiceId, customerId, paging.sort(SORTS, "-recordedAt", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(r -> RefundView.of(r, staff)).toList(), total)));
    }

    @WithSession
    public Uni<RefundView> get(long id, String scope) {
        return refunds.findById(id).flatMap(r -> r == null ? Uni.createFrom().nullItem()
                        : invoices.findById(r.invoiceId).map(i -> scope == null || scope.equals(i.customerId) ? r : null))
                .onItem().ifNull().failWith(() -> DomainException.notFound("Refund", id))
                .map(r -> RefundView.of(r, scope == null));
    }
}
