package io.certdesk.order.order;

import io.certdesk.order.platform.Searches;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;

/** Orders, their row locks and the staff listing filters. */
@ApplicationScoped
public class OrderRepository implements PanacheRepository<CertificateOrder> {

    /**
     * The order with its row locked until the transaction ends: every command reads the state under this lock,
     * so two concurrent commands are applied one after the other and the second sees the first's result.
     */
    public Uni<CertificateOrder> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<CertificateOrder> findByQuote(long quoteId) {
        return find("quoteId", quoteId).firstResult();
    }

    public PanacheQuery<CertificateOrder> filtered(OrderFilter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.state() != null) {
            where.add("state = :state");
            params.and("state", f.state());
        }
        if (f.customerId() != null) {
            where.add("customerId = :customerId");
            params.and("customerId", f.customerId());
        }
        if (f.domain() != null) {
            where.add("domain = :domain");
            params.and("domain", f.domain());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("lower(domain) like :q escape '!'");
            params.and("q", Searches.contains(f.q()));
        }
        if (f.dueDateFrom() != null) {
            where.add("exists (select 1 from Invoice i where i.orderId = o.id and i.dueDate >= :dueFrom)");
            params.and("dueFrom", f.dueDateFrom());
        }
        if (f.dueDateTo() != null) {
            where.add("exists (select 1 from Invoice i where i.orderId = o.id and i.dueDate <= :dueTo)");
            params.and("dueTo", f.dueDateTo());
        }
        if (f.stepStatus() != null) {
            where.add("exists (select 1 from OrderStep s where s.orderId = o.id and s.status = :stepStatus)");
            params.and("stepStatus", f.stepStatus());
        }
        String query = "from CertificateOrder o" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return find(query, sort, params);
    }
}
