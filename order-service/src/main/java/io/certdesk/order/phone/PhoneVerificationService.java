package io.certdesk.order.phone;

import io.certdesk.order.calendar.BusinessDays;
import io.certdesk.order.calendar.CalendarConfig;
import io.certdesk.order.notice.ProcessNotices;
import io.certdesk.order.customer.Customer;
import io.certdesk.order.customer.CustomerContact;
import io.certdesk.order.customer.CustomerService;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderSteps;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalTime;

/**
 * The CA's verification call (OV/EV, step 8): only a contact with authority may answer it, and for a company
 * not listed on a stock exchange that must be its representative; the time is agreed with the customer first.
 */
@ApplicationScoped
public class PhoneVerificationService {

    private final PhoneVerificationRepository calls;
    private final CustomerService customers;
    private final OrderWorkflow workflow;
    private final BillingConfig billing;
    private final ETags etags;
    private final OrderSteps steps;

    private final BusinessDays days;
    private final CalendarConfig calendar;
    private final ProcessNotices notices;

    public PhoneVerificationService(PhoneVerificationRepository calls, CustomerService customers,
            OrderWorkflow workflow, BillingConfig billing, ETags etags, OrderSteps steps, BusinessDays days,
            CalendarConfig calendar, ProcessNotices notices) {
        this.notices = notices;
        this.days = days;
        this.calendar = calendar;
        this.etags = etags;
        this.steps = steps;
        this.calls = calls;
        this.customers = customers;
        this.workflow = workflow;
        this.billing = billing;
    }

    @WithTransaction
    public Uni<PhoneVerificationView> propose(long orderId, SlotRequest request, String actor, String ifMatch) {
        return workflow.lock(orderId, null).flatMap(o -> requireVerifying(o)
                .flatMap(v -> customers.require(o.customerId, null))
                .flatMap(customer -> customers.contactsOf(customer.id).flatMap(contacts -> {
                    CustomerContact contact = contacts.stream().filter(c -> c.id.equals(request.contactId().number()))
                            .findFirst().orElse(null);
                    String problem = eligibility(customer, contact, request);
                    if (problem != null) {
                        return Uni.createFrom().failure(DomainException.invalid(problem.startsWith("slot")
                                ? "slotStartsAt" : "contactId", problem));
                    }
                    return calls.findById(orderId).flatMap(existing -> {
                        if (existing != null) {
                            etags.check(ifMatch, PhoneVerificationView.of(existing), false);
                        }
                        if (existing != null && existing.status == PhoneStatus.PASSED) {
                            return Uni.createFrom().failure(DomainException.conflict(
                                    "The CA's call for order " + orderId + " has already passed"));
                        }
                        Instant slot = Times.stored(request.slotStartsAt().toInstant());
                        boolean same = existing != null && existing.contactId == contact.id
                                && existing.slotStart.equals(slot);
                        // A retried proposal must not undo the customer's confirmation (or add a timeline entry).
                        if (same && (existing.status == PhoneStatus.PROPOSED
                                || existing.status == PhoneStatus.CONFIRMED)) {
                            return Uni.createFrom().item(PhoneVerificationView.of(existing));
                        }
                        if (existing != null && existing.status == PhoneStatus.CONFIRMED) {
                            return Uni.createFrom().failure(DomainException.conflict("The CA's call for order "
                                    + orderId + " is CONFIRMED for " + local(existing.slotStart) + " with "
                                    + existing.contactName + "; a confirmed slot is not replaced by another one"));
                        }
                        PhoneVerification p = existing == null ? new PhoneVerification() : existing;
                        p.orderId = orderId;
                        p.contactId = contact.id;
                        p.contactName = contact.name;
                        p.slotStart = slot;
                        p.status = PhoneStatus.PROPOSED;
                        p.note = null;
                        p.updatedAt = Times.now();
                        Uni<?> save = existing == null ? calls.persist(p) : Uni.createFrom().item(p);
                        return save.flatMap(x -> workflow.record(orderId, OrderEvent.Kind.PHONE, actor,
                                        "CA call proposed for " + request.slotStartsAt().atZoneSameInstant(billing.zone())
                                                .toLocalDateTime() + " (" + billing.zone() + ") with " + contact.name))
                                .flatMap(x -> notices.callSlotProposed(o, slot, contact.name, contact.phone, actor))
                                .flatMap(x -> calls.flush()).replaceWith(PhoneVerificationView.of(p));
                    });
                })));
    }

    @WithTransaction
    public Uni<PhoneVerificationView> confirm(long orderId, String scope, String actor, String ifMatch) {
        return workflow.lock(orderId, scope).flatMap(o -> requireVerifying(o).flatMap(v -> require(orderId))
                        .flatMap(p -> requireAuthority(o, p).replaceWith(p))
                .flatMap(p -> {
                    etags.check(ifMatch, PhoneVerificationView.of(p), false);
                    if (p.status == PhoneStatus.CONFIRMED) {
                        return Uni.createFrom().item(PhoneVerificationView.of(p));
                    }
                    if (p.status != PhoneStatus.PROPOSED) {
                        return Uni.createFrom().failure(DomainException.conflict("The CA's call for order " + orderId
                                + " is " + p.status + "; only a PROPOSED slot can be confirmed"));
                    }
                    p.status = PhoneStatus.CONFIRMED;
                    p.updatedAt = Times.now();
                    return workflow.record(orderId, OrderEvent.Kind.PHONE, actor, "CA call slot confirmed")
                            .flatMap(x -> customers.contactsOf(o.customerId))
                            .flatMap(contacts -> notices.callSlotConfirmed(o, p.slotStart, p.contactName,
                                    contacts.stream().filter(c -> c.id == p.contactId).map(c -> c.phone).findFirst()
                                            .orElse("—"), actor))
                            .flatMap(x -> calls.flush()).replaceWith(PhoneVerificationView.of(p));
                }));
    }

    @WithTransaction
    public Uni<PhoneVerificationView> outcome(long orderId, OutcomeRequest request, String actor, String ifMatch) {
        PhoneStatus result = request.passed() ? PhoneStatus.PASSED : PhoneStatus.FAILED;
        return workflow.lock(orderId, null).flatMap(o -> requireVerifying(o).flatMap(v -> require(orderId))
                        .flatMap(p -> p.status == result || result == PhoneStatus.FAILED ? Uni.createFrom().item(p)
                                : requireAuthority(o, p).replaceWith(p)))
                .flatMap(p -> {
                    etags.check(ifMatch, PhoneVerificationView.of(p), false);
                    if (p.status == result) {
                        return Uni.createFrom().item(PhoneVerificationView.of(p));
                    }
                    if (p.status != PhoneStatus.CONFIRMED) {
                        return Uni.createFrom().failure(DomainException.conflict("The CA's call for order " + orderId
                                + " is " + p.status + "; an outcome is recorded only for a CONFIRMED slot"));
                    }
                    if (Times.now().isBefore(p.slotStart)) {
                        return Uni.createFrom().failure(DomainException.conflict("The CA's call for order " + orderId
                                + " is CONFIRMED for " + local(p.slotStart) + "; its outcome can be recorded only "
                                + "once that time has come"));
                    }
                    p.status = result;
                    p.note = request.note();
                    p.updatedAt = Times.now();
                    return workflow.record(orderId, OrderEvent.Kind.PHONE, actor, "CA call " + result
                                    + " (answered by " + p.contactName + ")"
                                    + (request.note() == null ? "" : ": " + request.note()))
                            .flatMap(x -> calls.flush())
                            // a certificate that arrived before the call is waiting for this to become ISSUED
                            .flatMap(x -> result == PhoneStatus.PASSED ? steps.wake(orderId) : Uni.createFrom().voidItem())
                            .replaceWith(PhoneVerificationView.of(p));
                });
    }

    @WithSession
    public Uni<PhoneVerificationView> get(long orderId, String scope) {
        return workflow.find(orderId, scope).flatMap(o -> require(orderId)).map(PhoneVerificationView::of);
    }

    /**
     * Whether the CA's call passed and the contact who answered still has the authority to (staff may have changed
     * the contact or the customer since); runs in the caller's session.
     */
    public Uni<Boolean> passed(CertificateOrder o) {
        return calls.findById(o.id).flatMap(p -> p == null || p.status != PhoneStatus.PASSED
                ? Uni.createFrom().item(false)
                : requireAuthority(o, p).replaceWith(true));
    }

    /** Why this contact or slot cannot be used, or null when both are fine. */
    String eligibility(Customer customer, CustomerContact contact, SlotRequest request) {
        if (contact == null) {
            return "contact " + request.contactId() + " is not a contact of customer " + customer.id;
        }
        String authority = authority(customer, contact);
        if (authority != null) {
            return authority;
        }
        if (!request.slotStartsAt().toInstant().isAfter(Times.now())) {
            return "slot must be in the future";
        }
        LocalTime local = request.slotStartsAt().atZoneSameInstant(billing.zone()).toLocalTime();
        if (local.isBefore(customer.callHoursFrom) || !local.isBefore(customer.callHoursTo)) {
            return "slot " + local + " is outside the customer's preferred hours " + customer.callHoursFrom + "–"
                    + customer.callHoursTo + " (" + billing.zone() + ")";
        }
        CalendarConfig.CaCalls ca = calendar.caCalls();
        if (local.isBefore(ca.from()) || !local.isBefore(ca.to())) {
            return "slot " + local + " is outside the CA's calling hours " + ca.from() + "–" + ca.to() + " ("
                    + billing.zone() + ")";
        }
        java.time.LocalDate day = request.slotStartsAt().atZoneSameInstant(billing.zone()).toLocalDate();
        String closed = days.closedBecause(day);
        if (closed != null) {
            return "slot " + day + " is not a business day (" + closed + "); the CA calls on business days";
        }
        return null;
    }

    /** Why this contact may not answer the CA's call for this customer, or null when they may. */
    static String authority(Customer customer, CustomerContact contact) {
        if (!contact.authorisedForCaCall) {
            return "contact " + contact.name + " is not authorised to answer the CA's call";
        }
        if (!customer.listed && !contact.representative) {
            return "the company is not listed on a stock exchange, so its representative must answer the CA's call";
        }
        return null;
    }

    /**
     * Re-checks, on every later step, that the call's contact still has the authority checked at proposal: a 409
     * naming the reason when the contact or the customer's flags changed (or the contact was removed).
     */
    private Uni<Void> requireAuthority(CertificateOrder o, PhoneVerification p) {
        return customers.require(o.customerId, null).flatMap(customer -> customers.contactsOf(customer.id)
                .flatMap(contacts -> {
                    CustomerContact contact = contacts.stream().filter(c -> c.id.equals(p.contactId)).findFirst()
                            .orElse(null);
                    String problem = contact == null ? "contact " + p.contactName + " is no longer a contact of customer "
                            + customer.id : authority(customer, contact);
                    return problem == null ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(DomainException.conflict("The CA's call for order " + o.id
                                    + " (" + p.status + ", " + p.contactName + ") can no longer be used: " + problem
                                    + "; propose a new slot with an eligible contact"));
                }));
    }

    private String local(Instant at) {
        return at.atZone(billing.zone()).toLocalDateTime() + " (" + billing.zone() + ")";
    }

    private Uni<PhoneVerification> require(long orderId) {
        return calls.findById(orderId).onItem().ifNull().failWith(() -> DomainException.notFound(
                "Phone verification of order", orderId));
    }

    private static Uni<Void> requireVerifying(CertificateOrder o) {
        if (o.state != OrderState.PHONE_VERIFICATION) {
            return Uni.createFrom().failure(DomainException.conflict("Order " + o.id + " is " + o.state
                    + "; the CA's call is arranged only while it is PHONE_VERIFICATION"));
        }
        return Uni.createFrom().voidItem();
    }
}
