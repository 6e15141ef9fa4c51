package io.certdesk.order.notice;

import io.certdesk.order.customer.Customer;
import io.certdesk.order.customer.CustomerService;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.fee.OrderType;
import io.certdesk.order.invoice.Invoice;
import io.certdesk.order.product.ProductRepository;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.order.ApplicationLead;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the customer's notices from Japanese templates into the {@link NoticeOutbox}, in the transaction of
 * the business step that causes them: a notice exists iff that step committed. {@link NoticeSender} mails them
 * afterwards and writes each delivery (or its failure, for staff to follow up) on the order's timeline; a mail
 * that cannot be sent never undoes the step.
 */
@ApplicationScoped
public class NoticeService {

    private final NoticeOutbox outbox;
    private final Template paymentConfirmed;
    private final Template ownerQuestions;
    private final OrderWorkflow workflow;
    private final CustomerService customers;
    private final BillingConfig billing;
    private final ApplicationLead lead;
    private final ProductRepository products;
    private final NoticeText text;

    private final Template invoiceIssued;

    public NoticeService(@Location("notices/invoice-issued.txt") Template invoiceIssued, NoticeOutbox outbox,
            @Location("notices/payment-confirmed.txt") Template paymentConfirmed,
            @Location("notices/owner-questions.txt") Template ownerQuestions, OrderWorkflow workflow,
            CustomerService customers, BillingConfig billing, ApplicationLead lead, ProductRepository products,
            NoticeText text) {
        this.products = products;
        this.text = text;
        this.invoiceIssued = invoiceIssued;
        this.outbox = outbox;
        this.paymentConfirmed = paymentConfirmed;
        this.ownerQuestions = ownerQuestions;
        this.workflow = workflow;
        this.customers = customers;
        this.billing = billing;
        this.lead = lead;
    }

    /** Step 4: queues the payment confirmation with the application-start notice in the caller's transaction. */
    public Uni<Void> paymentConfirmed(CertificateOrder order, Customer customer, Invoice invoice, long containedTaxJpy,
            String actor) {
        return products.findByCode(order.productCode).flatMap(product -> {
        String body = paymentConfirmed.data("customer", customer).data("order", order).data("invoice", invoice)
                .data("issuerName", billing.issuerName()).data("registrationNumber", billing.registrationNumber())
                .data("paidYen", NoticeText.yen(invoice.paidJpy + invoice.overpaidJpy))
                .data("totalYen", NoticeText.yen(invoice.totalJpy))
                .data("taxYen", NoticeText.yen(containedTaxJpy))
                .data("typeLabel", order.orderType == OrderType.RENEWAL ? "更新" : "新規")
                .data("productName", product == null ? order.productCode : product.name)
                .data("launchDate", NoticeText.date(order.launchDate))
                .data("earliestDate", order.launchDate == null ? null
                        : NoticeText.date(lead.earliest(order.launchDate, order.validationLevel)))
                .data("organisationChecks", order.validationLevel.requiresOrganisationChecks())
                .data("signature", text.signature())
                .render();
        String subject = "【" + billing.issuerName() + "】ご入金確認・SSL証明書申請手続き開始のお知らせ（注文番号 " + order.id + "）";
        return outbox.enqueue(order.id, NoticeKind.PAYMENT_CONFIRMED,
                "payment confirmation and application-start notice", customer.noticeEmail, subject, body, actor).replaceWithVoid();
        });
    }

    /**
     * The invoice is issued: the customer gets it as a PDF with the amount, the due date, the account to pay into and
     * who bears the transfer fee; queued in the caller's transaction.
     */
    public Uni<Void> invoiceIssued(CertificateOrder order, Customer customer, Invoice invoice, long containedTaxJpy,
            boolean extras, long documentId, String actor) {
        return products.findByCode(order.productCode).flatMap(product -> {
            BillingConfig.Bank bank = billing.bank();
            String body = invoiceIssued.data("customerName", invoice.recipientName).data("issuerName", billing.issuerName())
                    .data("invoiceNumber", invoice.number).data("totalYen", NoticeText.yen(invoice.totalJpy))
                    .data("taxYen", NoticeText.yen(containedTaxJpy)).data("dueDate", NoticeText.date(invoice.dueDate))
                    .data("productName", product == null ? order.productCode : product.name).data("domain", order.domain)
                    .data("typeLabel", order.orderType == OrderType.RENEWAL ? "更新" : "新規").data("extras", extras)
                    .data("bankName", bank.name()).data("bankBranch", bank.branch()).data("accountType", bank.accountType())
                    .data("accountNumber", bank.accountNumber()).data("accountHolder", bank.accountHolder())
                    .data("transferFeeNote", billing.transferFeeNote())
                    .data("invoiceDigits", invoice.number.replaceAll("[^0-9]", "").replaceFirst("^\\d{4}0*", ""))
                    .data("orderId", order.id).data("registrationNumber", invoice.registrationNumber)
                    .data("signature", text.signature()).render();
            String subject = "【" + billing.issuerName() + "】ご請求書送付のお知らせ（請求書番号 " + invoice.number + "）";
            return outbox.enqueue(order.id, NoticeKind.INVOICE_ISSUED, "invoice " + invoice.number + " (PDF)",
                    customer.noticeEmail, subject, body, actor, documentId).replaceWithVoid();
        });
    }

    /** Owner questions belong to the application phase, between payment and the CA's decision. */
    private static final Set<OrderState> ASKING = EnumSet.of(OrderState.PAID, OrderState.APPLYING,
            OrderState.CSR_READY, OrderState.SUBMITTED, OrderState.DOCUMENTS_PENDING, OrderState.PHONE_VERIFICATION);

    /** Step 4: queues questions about the domain owner's details, if the order is at a stage to ask them. */
    @WithTransaction
    public Uni<NoticeView> askOwnerQuestions(long orderId, List<String> questions, String actor) {
        return workflow.lock(orderId, null).flatMap(o -> {
            if (!ASKING.contains(o.state)) {
                return Uni.createFrom().failure(DomainException.conflict("Order " + orderId + " is " + o.state
                        + "; owner questions are asked between payment and issuance"));
            }
            return customers.require(o.customerId, null).flatMap(c -> ownerQuestions(o, c, questions, actor))
                    .call(n -> outbox.flush()).map(n -> NoticeView.of(n, true));
        });
    }

    private Uni<OutboxNotice> ownerQuestions(CertificateOrder order, Customer customer, List<String> questions, String actor) {
        String body = ownerQuestions.data("customer", customer).data("order", order)
                .data("issuerName", billing.issuerName()).data("questions", questions)
                .data("signature", text.signature()).render();
        String subject = "【" + billing.issuerName() + "】ドメイン所有者情報の確認のお願い（注文番号 " + order.id + "）";
        return outbox.enqueue(order.id, NoticeKind.OWNER_QUESTIONS,
                "owner-detail questions (" + questions.size() + ")", customer.noticeEmail, subject, body, actor);
    }

    @WithSession
    public Uni<Page<NoticeView>> ofOrder(long orderId, String scope, PageRequest paging) {
        var query = outbox.ofOrder(orderId, paging.sort(Map.of("queuedAt", "createdAt", "id", "id"), "queuedAt", "id"));
        return workflow.find(orderId, scope).flatMap(o -> query.page(paging.page, paging.size).list()
                .flatMap(items -> query.count().map(total -> paging.page(
                        items.stream().map(n -> NoticeView.of(n, scope == null)).toList(), total))));
    }

    @WithSession
    public Uni<NoticeView> get(long orderId, long noticeId, String scope) {
        return workflow.find(orderId, scope).flatMap(o -> outbox.find(noticeId))
                .map(n -> n == null || n.orderId != orderId ? null : NoticeView.of(n, scope == null))
                .onItem().ifNull().failWith(() -> DomainException.notFound("Notice", noticeId));
    }

}
