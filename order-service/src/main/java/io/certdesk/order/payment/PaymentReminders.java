package io.certdesk.order.payment;

import io.certdesk.order.calendar.BusinessDays;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.invoice.Invoice;
import io.certdesk.order.invoice.InvoiceStatus;
import io.certdesk.order.notice.ProcessNotices;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderWorkflow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Reminds customers of invoices still open after their due date: on business days only (so an invoice due on a
 * Friday is reminded on Monday, one due before 年末年始 after it), once per invoice. The claim is the invoice's
 * reminder day, set in the same transaction as the queued mail, so two instances never remind twice.
 */
@ApplicationScoped
public class PaymentReminders {

    static final String ACTOR = "payment-reminders";

    private final BusinessDays days;
    private final BillingConfig billing;
    private final ProcessNotices notices;
    private final OrderWorkflow workflow;

    public PaymentReminders(BusinessDays days, BillingConfig billing, ProcessNotices notices, OrderWorkflow workflow) {
        this.days = days;
        this.billing = billing;
        this.notices = notices;
        this.workflow = workflow;
    }

    @Scheduled(cron = "${certdesk.billing.reminder-cron}", timeZone = "Asia/Tokyo",
            identity = "payment-reminders", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return run(LocalDate.now(billing.zone()))
                .invoke(n -> Log.infof("Payment reminders: %d queued", n))
                .onFailure().invoke(e -> Log.errorf(e, "The payment reminder run failed; the next run sends what is due"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reminds of the invoices overdue on {@code today} (Asia/Tokyo); answers how many reminders were queued. */
    @WithTransaction
    public Uni<Integer> run(LocalDate today) {
        if (!days.isBusinessDay(today)) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().flatMap(s -> s.createSelectionQuery("from Invoice where status = :open and "
                        + "remindedOn is null and dueDate < :today order by dueDate, id", Invoice.class)
                .setParameter("open", InvoiceStatus.OPEN).setParameter("today", today)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).setMaxResults(500).getResultList())
                .flatMap((List<Invoice> due) -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(i -> remind(i, today).replaceWith(i))
                        .collect().asList().map(List::size));
    }

    private Uni<Void> remind(Invoice i, LocalDate today) {
        i.remindedOn = today;
        return workflow.find(i.orderId, null).flatMap(o -> notices.paymentReminder(o, i, ACTOR)
                .flatMap(v -> workflow.record(o.id, OrderEvent.Kind.PAYMENT, ACTOR, "Payment reminder queued: invoice "
                        + i.number + " was due " + i.dueDate + ", " + i.balanceJpy() + " JPY unpaid")));
    }
}
