package io.certdesk.order.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Per-year invoice counters. */
@ApplicationScoped
public class InvoiceCounterRepository implements PanacheRepositoryBase<InvoiceCounter, Integer> {

    /**
     * Draws the next number of {@code year}. The counter row is created if missing (two first invoices of a
     * year may race to create it: "on conflict do nothing" lets both through) and then locked, so concurrent
     * invoices wait for each other and each gets the next number; a rolled-back invoice releases its number.
     */
    public Uni<Integer> next(int year) {
        return getSession()
                .flatMap(s -> s.createNativeQuery(
                                "insert into invoice_counter (year, last_number) values (?1, 0) on conflict (year) do nothing")
                        .setParameter(1, year).executeUpdate())
                .flatMap(n -> findById(year, LockModeType.PESSIMISTIC_WRITE))
                .map(counter -> {
                    counter.lastNumber++;
                    return counter.lastNumber;
                });
    }
}
