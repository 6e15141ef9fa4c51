package io.certdesk.keystore.issuance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Issuance requests. */
@ApplicationScoped
public class IssuanceRepository implements PanacheRepositoryBase<Issuance, UUID> {
}
