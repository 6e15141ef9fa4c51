package io.certdesk.order.ordering;

import io.certdesk.order.document.DocumentKind;
import io.certdesk.order.document.DocumentService;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.customer.CustomerService;
import io.certdesk.order.invoice.InvoiceService.Issued;
import io.certdesk.order.notice.NoticeService;
import io.certdesk.order.notice.ProcessNotices;
import io.certdesk.order.order.ApplicationLead;
import io.certdesk.order.fee.OrderType;
import io.certdesk.order.invoice.ExtraCharge;
import io.certdesk.order.invoice.InvoiceService;
import io.certdesk.order.invoice.Invoice;
import io.certdesk.order.invoice.InvoiceStatus;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.DeploymentStatus;
import io.certdesk.order.order.OrderSteps;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.order.StepView;
import io.certdesk.order.order.OrderCommand;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderEventRepository;
import io.certdesk.order.order.OrderFilter;
import io.certdesk.order.order.OrderRepository;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderTransition;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.order.TimelineEntry;
import io.certdesk.order.order.WorkflowConfig;
import io.certdesk.order.platform.DatabaseFailures;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.certdesk.order.renewal.CertificateTerm;
import io.certdesk.order.renewal.Reissues;
import io.certdesk.order.renewal.Terms;
import io.certdesk.order.quote.QuoteService;
import io.certdesk.order.quote.QuoteStatus;
import io.certdesk.order.siteseal.SiteSealService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order workflow's commands. Each one locks the order, asks {@link OrderWorkflow#plan} whether the
 * transition table allows it (a repeat of the command that produced the current state is answered unchanged),
 * checks the guards that need data, applies the move and its side effects, all in one transaction.
 */
@ApplicationScoped
public class OrderService {

    private static final Function<CertificateOrder, Uni<Void>> NOTHING = o -> Uni.createFrom().voidItem();
    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "state", "state", "launchDate", "launchDate", "domain", "domain", "id", "id");

    private final OrderRepository orders;
    private final OrderEventRepository events;
    private final OrderWorkflow workflow;
    private final QuoteService quotes;
    private final InvoiceService invoices;
    private final DocumentService documents;
    private final SiteSealService siteSeals;
    private final OrderSteps steps;
    private final OrderViews views;
    private final WorkflowConfig config;
    private final BillingConfig billing;
    private final ETags etags;

    private final Terms terms;
    private final Reissues reissues;
    private final CustomerService customers;
    private final NoticeService notices;
    private final ApplicationLead lead;
    private final ProcessNotices processNotices;

    public OrderService(ProcessNotices processNotices, ApplicationLead lead, NoticeService notices, CustomerService customers, Reissues reissues, OrderRepository orders, OrderEventRepository events, OrderWorkflow workflow,
            QuoteService quotes, InvoiceService invoices, DocumentService documents, SiteSealService siteSeals,
            OrderSteps steps, OrderViews views, WorkflowConfig config, BillingConfig billing, ETags etags, Terms terms) {
        this.etags = etags;
        this.terms = terms;
        this.reissues = reissues;
        this.customers = customers;
        this.notices = notices;
        this.lead = lead;
        this.processNotices = processNotices;
        this.steps = steps;
        this.views = views;
        this.orders = orders;
        this.events = events;
        this.workflow = workflow;
        this.quotes = quotes;
        this.invoices = invoices;
        this.documents = documents;
        this.siteSeals = siteSeals;
        this.config = config;
        this.billing = billing;
    }

    @WithTransaction
    public Uni<OrderView> create(CreateOrderRequest request, String scope, String actor) {
        return quotes.requireForUpdate(request.quoteId().number(), scope)
                .onFailure(DomainException.class).transform(e -> DomainException.unknownReference("quoteId", "quote",
                        request.quoteId()))
                .flatMap(q -> {
            if (q.status != QuoteStatus.ACCEPTED) {
                return Uni.createFrom().failure(DomainException.conflict("Quote " + q.id + " is " + q.status
                        + "; the customer must accept it before it can be ordered"));
            }
            if (q.orderType == OrderType.NEW && request.renewsCertificateId() != null) {
                return Uni.createFrom().failure(DomainException.invalid("renewsCertificateId",
                        "must not be set for a NEW certificate"));
            }
            String renews = request.renewsCertificateId() == null ? null : request.renewsCertificateId().value();
            return orders.findByQuote(q.id).flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom().failure(DomainException.conflict("Quote " + q.id
                            + " has already been ordered as order " + existing.id));
                }
                return q.orderType == OrderType.RENEWAL ? terms.renewalTarget(q.renewalTermId, renews, q.customerId)
                        : Uni.createFrom().<CertificateTerm>nullItem();
            }).flatMap(renewed -> {
                CertificateOrder o = new CertificateOrder();
                o.quoteId = q.id;
                o.customerId = q.customerId;
                o.productCode = q.productCode;
                o.validationLevel = q.validationLevel;
                o.requiresAttorneyLetter = q.requiresAttorneyLetter;
                o.orderType = q.orderType;
                o.domain = q.domain;
                o.serverId = q.serverId;
                o.issuer = q.issuer;
                o.keyAlgorithm = q.keyAlgorithm;
                o.bindingStrategy = q.bindingStrategy;
                o.httpsUrl = q.httpsUrl;
                o.bindingWarnings = q.bindingWarnings;
                o.renewsCertificateId = renewed == null ? null : renewed.certificateId;
                o.launchDate = request.launchDate();
                o.state = OrderState.QUOTED;
                o.createdAt = Times.now();
                o.updatedAt = o.createdAt;
                return orders.persistAndFlush(o).flatMap(saved -> {
                    if (renewed != null) {
                        renewed.renewalOrderId = saved.id;
                    }
                    OrderEvent e = new OrderEvent();
                    e.orderId = saved.id;
                    e.at = saved.createdAt;
                    e.actor = actor;
                    e.kind = OrderEvent.Kind.TRANSITION;
                    e.toState = OrderState.QUOTED;
                    e.note = "Ordered from quote " + q.id + (request.note() == null ? "" : ": " + request.note());
                    return events.persist(e).replaceWith(saved);
                });
            });
        }).onFailure(DatabaseFailures::unique).transform(e -> DomainException.conflict(
                "Quote " + request.quoteId() + " has already been ordered"))
                .flatMap(views::of);
    }

    /** Who asks for a command on which order, with the timeline note and the ETag the client read (may be null). */
    public record Command(long orderId, String note, String actor, String ifMatch) {
    }

    @WithTransaction
    public Uni<OrderView> contract(Command c) {
        return run(c, OrderCommand.CONTRACT, NOTHING, NOTHING, NOTHING);
    }

    @WithTransaction
    public Uni<OrderView> invoice(Command c, List<ExtraCharge> extras) {
        List<ExtraCharge> asked = extras == null ? List.of() : extras;
        // a repeat is only a repeat when it bills the same extra charges
        return run(c, OrderCommand.INVOICE, o -> invoices.requireSameExtras(o.id, asked), NOTHING,
                o -> quotes.require(o.quoteId, null)
                        .flatMap(q -> customers.require(o.customerId, null).flatMap(customer -> invoices.issue(
                                new InvoiceService.Billing(o.id, o.customerId, customer.organisationName, q.productName,
                                        o.domain, q.applicationFeeJpy, q.setupFeeJpy, q.taxRatePercent,
                                        o.orderType == OrderType.RENEWAL, asked))
                                .call(issued -> notices.invoiceIssued(o, customer, issued.invoice(), issued.containedTaxJpy(),
                                        !asked.isEmpty(), issued.documentId(), c.actor()))))
                        .map(Issued::invoice)
                        .flatMap(i -> workflow.record(o.id, OrderEvent.Kind.PAYMENT, c.actor(), "Invoice " + i.number
                                + " issued: " + i.totalJpy + " JPY due " + i.dueDate + "; mailed to the customer as a PDF")));
    }

    @WithTransaction
    public Uni<OrderView> startApplication(Command c) {
        return run(c, OrderCommand.START_APPLICATION, NOTHING, o -> invoices.findOfOrder(o.id).flatMap(i -> {
            if (i == null || (i.status != InvoiceStatus.PAID && i.status != InvoiceStatus.OVERPAID)) {
                return fail("Order " + o.id + " is not paid in full; the application starts only after payment");
            }
            if (o.launchDate != null) {
                LocalDate earliest = lead.earliest(o.launchDate, o.validationLevel);
                LocalDate today = LocalDate.now(billing.zone());
                if (today.isBefore(earliest)) {
                    return fail("The site launches on " + o.launchDate + "; the application is sent from " + earliest
                            + " (" + lead.businessDays(o.validationLevel) + " business days before, the " + o.validationLevel
                            + " lead time) so no paid validity is wasted");
                }
            }
            return Uni.createFrom().voidItem();
        }), o -> steps.enqueue(o.id, StepKind.PLACE_DOMAIN, null).replaceWithVoid());
    }

    @WithTransaction
    public Uni<OrderView> requestDocuments(Command c) {
        return run(c, OrderCommand.REQUEST_DOCUMENTS, NOTHING, NOTHING, o -> documents.createChecklist(o)
                .flatMap(v -> processNotices.documentsRequested(o, DocumentKind.required(o.validationLevel,
                        o.requiresAttorneyLetter).stream().map(DocumentKind::label).toList(), c.actor())));
    }

    @WithTransaction
    public Uni<OrderView> acceptDocuments(Command c) {
        // a certificate that arrived early is waiting for this (and the CA's call)
        return run(c, OrderCommand.ACCEPT_DOCUMENTS, NOTHING, this::documentsAccepted, o -> steps.wake(o.id));
    }

    /**
     * Staff confirm by hand that the certificate is installed (ISSUED → INSTALLED) when the probe cannot see the
     * server (a firewall, a load balancer in front); the reason goes on the timeline and the probing stops.
     */
    @WithTransaction
    public Uni<OrderView> overrideDeployment(Command c) {
        return run(c, OrderCommand.OVERRIDE_DEPLOYMENT, NOTHING, NOTHING, o -> {
            o.deploymentStatus = DeploymentStatus.OVERRIDDEN;
            o.deploymentDetail = c.note();
            return steps.cancelOpen(o.id, StepKind.CONFIRM_DEPLOYMENT)
                    .flatMap(v -> o.orderType == OrderType.REISSUE ? reissues.installed(o, c.actor())
                            : siteSeals.open(o.id, c.actor()).flatMap(s -> processNotices.installed(o, c.actor())));
        });
    }

    /** Resumes a parked step, or makes a waiting one due now (not a transition: the order keeps its state). */
    @WithTransaction
    public Uni<OrderView> retryStep(Command c, long stepId) {
        return workflow.lock(c.orderId(), null).flatMap(o -> views.of(o).flatMap(v -> {
            etags.check(c.ifMatch(), v, false);
            return steps.retry(o, stepId, c.actor(), c.note()).flatMap(s -> views.of(o));
        }));
    }

    @WithSession
    public Uni<Page<StepView>> steps(long orderId, String scope, PageRequest paging) {
        return workflow.find(orderId, scope).flatMap(o -> steps.ofOrder(orderId))
                .map(all -> paging.slice(all.stream().map(StepView::of).toList()));
    }

    @WithTransaction
    public Uni<OrderView> cancel(Command c) {
        return run(c, OrderCommand.CANCEL, NOTHING, NOTHING, o -> compensate(o)
                .flatMap(v -> o.orderType == OrderType.REISSUE ? reissues.cancelled(o) : Uni.createFrom().voidItem())
                .flatMap(v -> invoices.settleCancelled(o.id)).flatMap(settled -> {
            if (settled == null) {
                return Uni.createFrom().voidItem();
            }
            Invoice i = settled.invoice();
            String what = i.status == InvoiceStatus.VOID ? "Invoice " + i.number + " voided: nothing was paid"
                    : "Invoice " + i.number + " REFUND_DUE: " + i.refundDueJpy() + " JPY received (" + i.paidJpy
                            + " applied, " + i.overpaidJpy + " overpaid) must be refunded to the customer";
            if (i.status == InvoiceStatus.REFUND_DUE) {
                Log.warnf("Order %d cancelled with %d JPY received on invoice %s; flagged for refund", o.id,
                        i.refundDueJpy(), i.number);
            }
            return workflow.record(o.id, OrderEvent.Kind.PAYMENT, c.actor(), what)
                    .flatMap(v -> processNotices.invoiceVoided(o, i, settled.documentId(), c.actor()));
        }));
    }

    /**
     * Stops the order's remote steps and undoes what they may have made: the binding made for the order and its
     * unused key. Both are scheduled after the lease of a step that may still be running elsewhere, and find their
     * objects by the order id they carry, so that something made by an attempt whose answer was lost is undone too.
     */
    private Uni<Void> compensate(CertificateOrder o) {
        return steps.cancelOpen(o.id).flatMap(settled -> steps.everAttempted(o.id, StepKind.PLACE_DOMAIN)
                .flatMap(placed -> placed ? steps.enqueue(o.id, StepKind.RELEASE_DOMAIN, settled).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .flatMap(v -> steps.everAttempted(o.id, StepKind.PREPARE_CSR))
                .flatMap(keyed -> keyed ? steps.enqueue(o.id, StepKind.ABANDON_KEY, settled).replaceWithVoid()
                        : Uni.createFrom().voidItem()));
    }

    @WithTransaction
    public Uni<OrderView> schedule(Command c, LocalDate launchDate) {
        long id = c.orderId();
        String actor = c.actor();
        return workflow.lock(id, null).flatMap(o -> views.of(o).flatMap(v -> {
            etags.check(c.ifMatch(), v, false);
            if (o.state.compareTo(OrderState.PAID) > 0) {
                return Uni.createFrom().failure(DomainException.conflict("Order " + id + " is " + o.state
                        + "; the launch date matters only until the application starts"));
            }
            o.launchDate = launchDate;
            o.updatedAt = Times.now();
            return workflow.record(id, OrderEvent.Kind.SCHEDULE, actor, "Launch date set to "
                            + (launchDate == null ? "none" : launchDate))
                    .flatMap(x -> orders.flush()).replaceWith(o);
        })).flatMap(views::of);
    }

    @WithSession
    public Uni<OrderView> get(long id, String scope) {
        return workflow.find(id, scope).flatMap(views::of);
    }

    @WithSession
    public Uni<Page<TimelineEntry>> timeline(long id, String scope, PageRequest paging) {
        var sort = paging.sort(Map.of("occurredAt", "at"), "occurredAt", "id");
        return workflow.find(id, scope).flatMap(o -> {
            var query = events.timeline(id, sort);
            return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                    .map(total -> paging.page(items.stream().map(e -> TimelineEntry.of(e, scope == null)).toList(), total)));
        });
    }

    @WithSession
    public Uni<Page<OrderView>> list(OrderFilter filter, PageRequest paging) {
        var query = orders.filtered(filter, paging.sort(SORTS, "-createdAt", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> views.of(items).flatMap(shown -> query.count()
                .map(total -> paging.page(shown, total))));
    }

    /**
     * Locks the order once, holds the client's If-Match, and asks the transition table: a repeat of the command
     * that produced the current state runs {@code onRepeat} (which may refuse a repeat that asks for something
     * else) and answers the order unchanged; otherwise the guards run, then the move and its effects.
     */
    private Uni<OrderView> run(Command c, OrderCommand command, Function<CertificateOrder, Uni<Void>> onRepeat,
            Function<CertificateOrder, Uni<Void>> guard, Function<CertificateOrder, Uni<Void>> effects) {
        return workflow.lock(c.orderId(), null).flatMap(o -> views.of(o).flatMap(current -> {
            etags.check(c.ifMatch(), current, false);
            Optional<OrderTransition> plan = workflow.plan(o, command, current.allowedCommands());
            if (plan.isEmpty()) {
                return onRepeat.apply(o).replaceWith(o);
            }
            return guard.apply(o)
                    .flatMap(v -> workflow.apply(o, plan.get(), c.actor(), c.note()))
                    .flatMap(v -> effects.apply(o))
                    .replaceWith(o);
        })).flatMap(views::of);
    }

    private Uni<Void> documentsAccepted(CertificateOrder o) {
        return documents.notAccepted(o).flatMap(missing -> missing.isEmpty()
                ? Uni.createFrom().voidItem()
                : fail("Order " + o.id + " still needs accepted documents: "
                        + String.join(", ", missing.stream().map(DocumentKind::name).toList())));
    }

    private static Uni<Void> fail(String detail) {
        return Uni.createFrom().failure(DomainException.conflict(detail));
    }
}
