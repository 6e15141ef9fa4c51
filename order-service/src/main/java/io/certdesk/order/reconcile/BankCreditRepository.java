package io.certdesk.order.reconcile;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Credits of imported bank statements. */
@ApplicationScoped
public class BankCreditRepository implements PanacheRepository<BankCredit> {
}
