package io.certdesk.order.siteseal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Site-seal tasks by order. */
@ApplicationScoped
public class SiteSealRepository implements PanacheRepositoryBase<SiteSealTask, Long> {
}
