package io.certdesk.order.notice;

import io.certdesk.order.customer.Customer;
import io.certdesk.order.customer.CustomerService;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.fee.OrderType;
import io.certdesk.order.invoice.Invoice;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.order.WorkflowConfig;
import io.certdesk.order.platform.DomainException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.NumberFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Mails the customer's notices from Japanese templates and writes each on the order's timeline. A mail that
 * cannot be sent does not undo the business step that caused it; the timeline records the failure instead so
 * staff can follow up.
 */
@ApplicationScoped
public class NoticeService {

    private final ReactiveMailer mailer;
    private final Template paymentConfirmed;
    private final Template ownerQuestions;
    private final OrderWorkflow workflow;
    private final CustomerService customers;
    private final BillingConfig billing;
    private final WorkflowConfig workflowConfig;
    private final NoticeConfig config;

    public NoticeService(ReactiveMailer mailer, @Location("notices/payment-confirmed.txt") Template paymentConfirmed,
            @Location("notices/owner-questions.txt") Template ownerQuestions, OrderWorkflow workflow,
            CustomerService customers, BillingConfig billing, WorkflowConfig workflowConfig, NoticeConfig config) {
        this.mailer = mailer;
        this.paymentConfirmed = paymentConfirmed;
        this.ownerQuestions = ownerQuestions;
        this.workflow = workflow;
        this.customers = customers;
        this.billing = billing;
        this.workflowConfig = workflowConfig;
        this.config = config;
    }

    /** Step 4: payment confirmed, application starting; runs in the caller's transaction. */
    public Uni<Void> paymentConfirmed(CertificateOrder order, Customer customer, Invoice invoice, long containedTaxJpy,
            String actor) {
        String body = paymentConfirmed.data("customer", customer).data("order", order).data("invoice", invoice)
                .data("issuerName", billing.issuerName()).data("registrationNumber", billing.registrationNumber())
                .data("paidYen", yen(invoice.paidJpy + invoice.overpaidJpy)).data("totalYen", yen(invoice.totalJpy))
                .data("taxYen", yen(containedTaxJpy))
                .data("typeLabel", order.orderType == OrderType.RENEWAL ? "更新" : "新規")
                .data("launchDate", order.launchDate)
                .data("earliestDate", order.launchDate == null ? null
                        : order.launchDate.minusDays(workflowConfig.applicationLeadDays()))
                .data("organisationChecks", order.validationLevel.requiresOrganisationChecks())
                .render();
        String subject = "【" + billing.issuerName() + "】ご入金確認・SSL証明書申請手続き開始のお知らせ(注文番号 " + order.id + ")";
        return send(order.id, customer.noticeEmail, subject, body, "payment confirmation and application-start notice",
                actor);
    }

    /** Owner questions belong to the application phase, between payment and the CA's decision. */
    private static final Set<OrderState> ASKING = EnumSet.of(OrderState.PAID, OrderState.APPLYING,
            OrderState.CSR_READY, OrderState.SUBMITTED, OrderState.DOCUMENTS_PENDING, OrderState.PHONE_VERIFICATION);

    /** Step 4: mails questions about the domain owner's details and records them on the timeline. */
    @WithTransaction
    public Uni<Void> askOwnerQuestions(long orderId, List<String> questions, String actor) {
        return workflow.lock(orderId, null).flatMap(o -> {
            if (!ASKING.contains(o.state)) {
                return Uni.createFrom().failure(DomainException.conflict("Order " + orderId + " is " + o.state
                        + "; owner questions are asked between payment and issuance"));
            }
            return customers.require(o.customerId, null).flatMap(c -> ownerQuestions(o, c, questions, actor));
        });
    }

    private Uni<Void> ownerQuestions(CertificateOrder order, Customer customer, List<String> questions, String actor) {
        String body = ownerQuestions.data("customer", customer).data("order", order)
                .data("issuerName", billing.issuerName()).data("questions", questions).render();
        String subject = "【" + billing.issuerName() + "】ドメイン所有者情報の確認のお願い(注文番号 " + order.id + ")";
        return send(order.id, customer.noticeEmail, subject, body,
                "owner-detail questions (" + questions.size() + ")", actor);
    }

    private Uni<Void> send(long orderId, String to, String subject, String body, String what, String actor) {
        return mailer.send(Mail.withText(to, subject, body).setFrom(config.from()))
                .map(v -> "Mailed " + what + " to " + to)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf(e, "Notice '%s' for order %d could not be mailed to %s", what, orderId, to);
                    return "FAILED to mail " + what + " to " + to + "; follow up by hand";
                })
                .flatMap(note -> workflow.record(orderId, OrderEvent.Kind.NOTICE, actor, note));
    }

    static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
    }
}
