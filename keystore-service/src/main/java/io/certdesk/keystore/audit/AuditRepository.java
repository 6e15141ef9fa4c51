package io.certdesk.keystore.audit;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit chain and its head. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public Uni<AuditHead> lockHead() {
        return getSession().flatMap(s -> s.find(AuditHead.class, (short) 1, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<AuditHead> head() {
        return getSession().flatMap(s -> s.find(AuditHead.class, (short) 1));
    }

    /** Entries after {@code afterSeq} up to {@code lastSeq}, oldest first. */
    public Uni<List<AuditEntry>> after(long afterSeq, long lastSeq, int limit) {
        return find("seq > ?1 and seq <= ?2", Sort.by("seq"), afterSeq, lastSeq).page(Page.ofSize(limit)).list();
    }

    /** Newest first, optionally one action or target. */
    /** The listing's filters; null means any. */
    public record Filter(String action, String target, AuditEntry.Outcome outcome, String actor, Instant from,
            Instant to) {
    }

    public PanacheQuery<AuditEntry> filtered(Filter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.action() != null) {
            where.add("action = :action");
            params.and("action", f.action());
        }
        if (f.target() != null) {
            where.add("target = :target");
            params.and("target", f.target());
        }
        if (f.outcome() != null) {
            where.add("outcome = :outcome");
            params.and("outcome", f.outcome());
        }
        if (f.actor() != null) {
            where.add("actor = :actor");
            params.and("actor", f.actor());
        }
        if (f.from() != null) {
            where.add("at >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.add("at <= :to");
            params.and("to", f.to());
        }
        return find(where.isEmpty() ? "from AuditEntry" : "from AuditEntry where " + String.join(" and ", where), sort,
                params);
    }
}
