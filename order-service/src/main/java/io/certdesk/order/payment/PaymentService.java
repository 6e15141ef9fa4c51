package io.certdesk.order.payment;

import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.notice.ProcessNotices;
import io.certdesk.order.customer.CustomerService;
import io.certdesk.order.invoice.Invoice;
import io.certdesk.order.invoice.InvoiceRepository;
import io.certdesk.order.invoice.InvoiceService;
import io.certdesk.order.invoice.InvoiceStatus;
import io.certdesk.order.notice.NoticeService;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderCommand;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderTransition;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * Records payments (step 3). Partial payments leave the invoice open; the payment that completes it moves the
 * order to PAID and queues the confirmation mail (step 4); money beyond the total is recorded as an overpayment and
 * flagged, never absorbed. The order and then the invoice row are locked, in that order (the order commands
 * lock in the same order), so concurrent payments are summed one after the other.
 */
@ApplicationScoped
public class PaymentService {

    /** The listing's filters; null means any. */
    public record Filter(Long invoiceId, String customerId, PaymentMethod method, Instant paidAtFrom, Instant paidAtTo) {
    }

    private static final Map<String, String> SORTS = Map.of("paidAt", "paidAt", "recordedAt", "recordedAt",
            "amountJpy", "amountJpy", "id", "id");

    private final PaymentRepository payments;
    private final InvoiceRepository invoices;
    private final InvoiceService invoiceService;
    private final OrderWorkflow workflow;
    private final CustomerService customers;
    private final NoticeService notices;

    private final BillingConfig billing;
    private final ProcessNotices processNotices;

    public PaymentService(ProcessNotices processNotices, PaymentRepository payments, InvoiceRepository invoices, InvoiceService invoiceService,
            OrderWorkflow workflow, CustomerService customers, NoticeService notices, BillingConfig billing) {
        this.billing = billing;
        this.processNotices = processNotices;
        this.payments = payments;
        this.invoices = invoices;
        this.invoiceService = invoiceService;
        this.workflow = workflow;
        this.customers = customers;
        this.notices = notices;
    }

    /** Money received for an invoice: the amount, the transfer fee the customer deducted (0 when none), how and when. */
    public record Money(long invoiceId, long amountJpy, long transferFeeJpy, PaymentMethod method, String reference,
            Instant paidAt) {
    }

    /** Records one payment; retries are answered by the platform's Idempotency-Key record, not here. */
    @WithTransaction
    public Uni<PaymentView> record(PaymentRequest request, String idempotencyKey, String actor) {
        if (request.method() == PaymentMethod.APPLIED_CREDIT) {
            return Uni.createFrom().failure(DomainException.invalid("method", "APPLIED_CREDIT is what POST /refunds "
                    + "records when money of another invoice is applied; it cannot be recorded as a payment"));
        }
        return settle(new Money(request.invoiceId().number(), request.amountJpy(), request.fee(), request.method(),
                request.reference(), request.paidAt().toInstant()), idempotencyKey, actor).map(PaymentView::of);
    }

    /** Records one payment in the caller's transaction (a bank statement's import records many in one). */
    public Uni<Payment> settle(Money money, String idempotencyKey, String actor) {
        return settle(money, null, idempotencyKey, actor);
    }

    /** The invoice's balance was not what the caller decided on; nothing was written. */
    public static final class BalanceChanged extends DomainException {
        BalanceChanged(String detail) {
            super(io.certdesk.order.platform.ProblemType.CONFLICT, detail);
        }
    }

    /**
     * As {@link #settle(Money, String, String)}, but only while the invoice still asks for {@code expectedBalanceJpy}
     * (null: any): checked on the locked invoice before anything is written, else {@link BalanceChanged}.
     */
    public Uni<Payment> settle(Money money, Long expectedBalanceJpy, String idempotencyKey, String actor) {
        // Only the order id is read first: loading the invoice unlocked would put a copy in the session that
        // the later locking read could not refresh, and a concurrent payment would then look like a lost update.
        return invoices.orderIdOf(money.invoiceId())
                .onItem().ifNull().failWith(() -> DomainException.unknownReference("invoiceId", "invoice",
                        money.invoiceId()))
                .flatMap(orderId -> workflow.lock(orderId, null))
                .flatMap(order -> invoices.findForUpdate(money.invoiceId())
                        .flatMap(invoice -> expectedBalanceJpy != null && invoice.balanceJpy() != expectedBalanceJpy
                                ? Uni.createFrom().failure(new BalanceChanged("invoice " + invoice.number + " now asks "
                                        + "for " + invoice.balanceJpy() + " JPY (" + invoice.status + "), not "
                                        + expectedBalanceJpy + " JPY"))
                                : apply(order, invoice, money, idempotencyKey, actor)));
    }

    @WithSession
    public Uni<Page<PaymentView>> list(Filter filter, PageRequest paging) {
        var query = payments.filtered(filter, paging.sort(SORTS, "-paidAt", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(PaymentView::of).toList(), total)));
    }

    @WithSession
    public Uni<PaymentView> get(long id, String scope) {
        return payments.findById(id).flatMap(p -> p == null ? Uni.createFrom().nullItem()
                        : invoices.findById(p.invoiceId).map(i -> scope == null || scope.equals(i.customerId) ? p : null))
                .onItem().ifNull().failWith(() -> DomainException.notFound("Payment", id))
                .map(PaymentView::of);
    }

    private Uni<Payment> apply(CertificateOrder order, Invoice invoice, Money request, String key,
            String actor) {
        // Money that arrives after the order was cancelled is still booked (never refused, never lost): none of it
        // is due, so all of it is an overpayment and the invoice is REFUND_DUE.
        boolean cancelled = invoice.status.cancelled();
        long fee = request.transferFeeJpy();
        if (fee > 0) {
            String refused = cancelled ? "the invoice's order is cancelled: nothing is due, so no fee is accepted"
                    : fee > billing.transferFeeToleranceJpy() ? "is above the accepted " + billing.transferFeeToleranceJpy()
                            + " JPY (certdesk.billing.transfer-fee-tolerance-jpy); record the amount and settle the rest"
                    : request.amountJpy() + fee != invoice.balanceJpy() ? "is accepted only when the amount and the fee "
                            + "settle the balance of " + invoice.balanceJpy() + " JPY exactly" : null;
            if (refused != null) {
                return Uni.createFrom().failure(DomainException.invalid("transferFeeJpy", refused));
            }
            invoice.feesJpy += fee;
        }
        PaymentMath.Outcome outcome = cancelled ? new PaymentMath.Outcome(0, request.amountJpy())
                : PaymentMath.apply(invoice.totalJpy - invoice.feesJpy, invoice.paidJpy, request.amountJpy());
        invoice.paidJpy += outcome.appliedJpy();
        invoice.overpaidJpy += outcome.overpaymentJpy();
        invoice.status = cancelled ? InvoiceStatus.REFUND_DUE
                : invoice.paidJpy + invoice.feesJpy < invoice.totalJpy ? InvoiceStatus.OPEN
                : invoice.overpaidJpy > 0 ? InvoiceStatus.OVERPAID : InvoiceStatus.PAID;

        Payment p = new Payment();
        p.invoiceId = invoice.id;
        p.amountJpy = request.amountJpy();
        p.method = request.method();
        p.reference = request.reference() == null || request.reference().isBlank() ? null : request.reference().strip();
        p.paidAt = Times.stored(request.paidAt());
        p.appliedJpy = outcome.appliedJpy();
        p.transferFeeJpy = fee;
        p.overpaymentJpy = outcome.overpaymentJpy();
        p.balanceAfterJpy = invoice.balanceJpy();
        p.invoiceStatus = invoice.status;
        p.idempotencyKey = key;
        p.recordedAt = Times.now();
        p.recordedBy = actor;
        if (p.overpaymentJpy > 0) {
            Log.warnf("Invoice %s overpaid by %d JPY (payment of %d JPY); flagged for refund or credit",
                    invoice.number, p.overpaymentJpy, p.amountJpy);
        }
        String note = "Payment of " + p.amountJpy + " JPY by " + p.method
                + (p.reference == null ? "" : " (" + p.reference + ")")
                + (fee > 0 ? " with a deducted transfer fee of " + fee + " JPY booked as a fee" : "")
                + " on invoice " + invoice.number
                + "; balance " + p.balanceAfterJpy + " JPY"
                + (cancelled ? "; the order is CANCELLED: nothing is due, REFUND_DUE " + invoice.refundDueJpy()
                        + " JPY in total"
                        : p.overpaymentJpy > 0 ? "; OVERPAYMENT of " + p.overpaymentJpy
                                + " JPY flagged for refund or credit" : "");
        return payments.persist(p)
                .flatMap(saved -> workflow.record(order.id, OrderEvent.Kind.PAYMENT, actor, note))
                .flatMap(v -> invoices.flush())
                .flatMap(v -> invoice.balanceJpy() == 0 && order.state == OrderState.INVOICED
                        ? confirm(order, invoice, actor)
                        : !cancelled && invoice.balanceJpy() > 0 && outcome.appliedJpy() > 0
                        ? processNotices.partialPayment(order, invoice, actor) : Uni.createFrom().voidItem())
                .replaceWith(p);
    }

    /** The invoice is paid in full: the order moves to PAID and the step-4 notice is queued for the customer. */
    private Uni<Void> confirm(CertificateOrder order, Invoice invoice, String actor) {
        var transition = workflow.plan(order, OrderCommand.RECORD_PAYMENT,
                OrderTransition.allowed(order.validationLevel, order.state));
        if (transition.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return workflow.apply(order, transition.get(), actor, "Invoice " + invoice.number + " paid in full")
                .flatMap(o -> invoiceService.view(invoice))
                .flatMap(view -> customers.require(order.customerId, null)
                        .flatMap(c -> notices.paymentConfirmed(order, c, invoice, view.containedTaxJpy(), actor)));
    }
}
