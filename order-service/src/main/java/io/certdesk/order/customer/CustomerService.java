package io.certdesk.order.customer;

import io.certdesk.order.platform.Times;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.ForeignKeyViolation;
import io.certdesk.order.platform.Page;
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

    private final CustomerRepository customers;
    private final CustomerContactRepository contacts;

    public CustomerService(CustomerRepository customers, CustomerContactRepository contacts) {
        this.customers = customers;
        this.contacts = contacts;
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
    public Uni<CustomerView> update(String id, CustomerRequest request) {
        if (request.version() == null) {
            return Uni.createFrom().failure(DomainException.invalid("version", "must be sent with an update"));
        }
        checkCallHours(request);
        return require(id, null).flatMap(c -> {
            if (c.version != request.version()) {
                return Uni.createFrom().failure(DomainException.conflict("Customer '" + id
                        + "' was changed by someone else (version " + c.version + ", you sent " + request.version()
                        + "); read it again and retry"));
            }
            apply(c, request);
            c.updatedAt = Times.now();
            return contacts.ofCustomer(id)
                    .flatMap(existing -> replaceContacts(c, request.contacts(), existing))
                    .flatMap(list -> customers.flush().map(ignored -> CustomerView.of(c, list)));
        }).onFailure(ForeignKeyViolation::test).transform(e -> DomainException.conflict(
                "A contact you removed is still named in a phone verification; keep it in the list"));
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return require(id, null)
                .flatMap(c -> contacts.delete("customerId", id).flatMap(n -> customers.delete(c)))
                .flatMap(ignored -> customers.flush())
                .onFailure(ForeignKeyViolation::test).transform(e -> DomainException.conflict(
                        "Customer '" + id + "' has quotes or orders and cannot be deleted"));
    }

    @WithSession
    public Uni<CustomerView> get(String id, String scope) {
        return require(id, scope).flatMap(c -> contacts.ofCustomer(id).map(list -> CustomerView.of(c, list)));
    }

    @WithSession
    public Uni<Page<CustomerView>> list(int page, int size) {
        return customers.page(page, size).flatMap(items -> {
            Uni<List<CustomerView>> views = Uni.createFrom().item(new java.util.ArrayList<>());
            // One query after the other: a session runs one statement at a time.
            for (Customer c : items) {
                views = views.flatMap(acc -> contacts.ofCustomer(c.id).map(list -> {
                    acc.add(CustomerView.of(c, list));
                    return acc;
                }));
            }
            return views.flatMap(list -> customers.count().map(total -> new Page<>(list, page, size, total)));
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
            if (r.id() != null && (!byId.containsKey(r.id()) || !kept.add(r.id()))) {
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
            CustomerContact target = r.id() == null ? new CustomerContact() : byId.get(r.id());
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
    }

    private static void checkCallHours(CustomerRequest r) {
        if (!r.callHoursTo().isAfter(r.callHoursFrom())) {
            throw DomainException.invalid("callHoursTo", "must be later than callHoursFrom");
        }
    }
}
