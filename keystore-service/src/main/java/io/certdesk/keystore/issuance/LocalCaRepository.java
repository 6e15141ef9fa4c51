package io.certdesk.keystore.issuance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The local CA's root row. */
@ApplicationScoped
public class LocalCaRepository implements PanacheRepositoryBase<LocalCaRoot, Short> {
}
