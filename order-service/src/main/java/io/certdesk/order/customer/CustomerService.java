package io.certdesk.order.customer;

import io.certdesk.order.platform.DatabaseFailures;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Customers and their contacts. {@code scope} is the caller's customer id, or null for staff. */
@ApplicationScoped
public class CustomerService {

    private static final Map<String, String> SORTS = Map.of("organisationKana", "organisationKana",
            "organisationName", "organisationName", "createdAt", "createdAt", "id", "id");

    private final CustomerRepository customers;
    private final CustomerContactRepository contacts;
    private final ETags etags;

    public CustomerService(CustomerRepository customers, CustomerContactRepository contacts, ETags etags) {
        this.customers = customers;
        this.contacts = contacts;
        this.etags = etags;
    }

    @WithTransaction
    public Uni<CustomerView> create(CustomerRequest request) {
        checkCallHours(request);
        return customers.nextId().flatMap(id -> {
            Customer c = new Customer();
            c.id = id;
            apply(c, request);
            c.createdAt = Times.now();
            c.updatedAt = c.createdAt;
            return customers.persist(c)
                    .flatMap(saved -> replaceContacts(saved, request.contacts(), List.of()))
                    .map(list -> CustomerView.of(c, list));
        });
    }

    @WithTransaction
    public Uni<CustomerView> update(String id, CustomerRequest request, String ifMatch) {
        checkCallHours(request);
        return require(id, null).flatMap(c -> contacts.ofCustomer(id).map(before -> {
            etags.check(ifMatch, CustomerView.of(c, before), true);
            return c;
        })).flatMap(c -> {
            apply(c, request);
            c.updatedAt = Times.now();
            return contacts.ofCustomer(id)
                    .flatMap(existing -> replaceContacts(c, request.contacts(), existing))
                    .flatMap(list -> customers.flush().map(ignored -> CustomerView.of(c, list)));
        }).onFailure(DatabaseFailures::foreignKey).transform(e -> DomainException.conflict(
                "A contact you removed is still named in a phone verification; keep it in the list"));
    }

    @WithTransaction
    public Uni<Void> delete(String id, String ifMatch) {
        return require(id, null)
                .flatMap(c -> contacts.ofCustomer(id).map(list -> {
                    etags.check(ifMatch, CustomerView.of(c, list), false);
                    return c;
                }))
                .flatMap(c -> contacts.delete("customerId", id).flatMap(n -> customers.delete(c)))
                .flatMap(ignored -> customers.flush())
                .onFailure(DatabaseFailures::foreignKey).transform(e -> DomainException.conflict(
                        "Customer '" + id + "' has quotes or orders and cannot be deleted"));
    }

    @WithSession
    public Uni<CustomerView> get(String id, String scope) {
        return require(id, scope).flatMap(c -> contacts.ofCustomer(id).map(list -> CustomerView.of(c, list)));
    }

    @WithSession
    public Uni<Page<CustomerView>> list(String q, PageRequest paging) {
        var query = customers.filtered(q, paging.sort(SORTS, "organisationKana", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> {
            Uni<List<CustomerView>> views = Uni.createFrom().item(new java.util.ArrayList<>());
            // One query after the other: a session runs one statement at a time.
            for (Customer c : items) {
                views = views.flatMap(acc -> contacts.ofCustomer(c.id).map(list -> {
                    acc.add(CustomerView.of(c, list));
                    return acc;
                }));
            }
            return views.flatMap(list -> query.count().map(total -> paging.page(list, total)));
        });
    }

    /**
     * The customer, when {@code scope} (a customer token's customer id, null for staff) may see it. Another
     * customer's record answers 404 exactly like a missing one, so ids cannot be probed.
     */
    public Uni<Customer> require(String id, String scope) {
        if (scope != null && !scope.equals(id)) {
            return Uni.createFrom().failure(DomainException.notFound("Customer", id));
        }
        return customers.findById(id).onItem().ifNull().failWith(() -> DomainException.notFound("Customer", id));
    }

    public Uni<List<CustomerContact>> contactsOf(String customerId) {
        return contacts.ofCustomer(customerId);
    }

    private Uni<List<CustomerContact>> replaceContacts(Customer c, List<ContactRequest> wanted,
            List<CustomerContact> existing) {
        Map<Long, CustomerContact> byId = new HashMap<>();
        existing.forEach(e -> byId.put(e.id, e));
        Set<Long> kept = new HashSet<>();
        for (ContactRequest r : wanted) {
            if (r.id() != null && (!byId.containsKey(r.id().number()) || !kept.add(r.id().number()))) {
                return Uni.createFrom().failure(DomainException.invalid("contacts.id",
                        "contact " + r.id() + " is not a contact of customer " + c.id + " or is listed twice"));
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CustomerContact e : existing) {
            if (!kept.contains(e.id)) {
                chain = chain.flatMap(v -> contacts.delete(e));
            }
        }
        List<CustomerContact> result = new java.util.ArrayList<>();
        for (ContactRequest r : wanted) {
            CustomerContact target = r.id() == null ? new CustomerContact() : byId.get(r.id().number());
            target.customerId = c.id;
            target.name = r.name().strip();
            target.phone = r.phone().strip();
            target.email = r.email().strip();
            target.authorisedForCaCall = r.authorisedForCaCall();
            target.representative = r.representative();
            result.add(target);
            if (r.id() == null) {
                chain = chain.flatMap(v -> contacts.persist(target).replaceWithVoid());
            }
        }
        return chain.flatMap(v -> contacts.flush()).map(v -> result);
    }

    private static void apply(Customer c, CustomerRequest r) {
        c.organisationName = r.organisationName().strip();
        c.organisationKana = r.organisationKana().strip();
        c.postalCode = r.postalCode().strip();
        c.address = r.address().strip();
        c.representativeName = r.representativeName().strip();
        c.representativeTitle = r.representativeTitle().strip();
        c.listed = r.listed();
        c.noticeEmail = r.noticeEmail().strip();
        c.callHoursFrom = r.callHoursFrom();
        c.callHoursTo = r.callHoursTo();
        CertificateSubject subject = r.certificateSubject() == null ? null : r.certificateSubject().normalised();
        c.subjectOrganization = subject == null ? null : subject.organization();
        c.subjectLocality = subject == null ? null : subject.locality();
        c.subjectState = subject == null ? null : subject.state();
        c.subjectCountry = subject == null ? null : subject.country();
        if (r.organisationValidatedUntilDate() != null) {
            c.organisationValidatedUntil = r.organisationValidatedUntilDate();
        }
    }

    private static void checkCallHours(CustomerRequest r) {
        if (!r.callHoursTo().isAfter(r.callHoursFrom())) {
            throw DomainException.invalid("callHoursTo", "must be later than callHoursFrom");
        }
    }
}
