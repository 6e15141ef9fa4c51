package io.certdesk.keystore.audit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
    public Uni<List<AuditEntry>> newest(String action, String target, int page, int size) {
        return query(action, target).page(page, size).list();
    }

    public Uni<Long> countMatching(String action, String target) {
        return query(action, target).count();
    }

    private io.quarkus.hibernate.reactive.panache.PanacheQuery<AuditEntry> query(String action, String target) {
        Sort newest = Sort.by("seq", Sort.Direction.Descending);
        if (action != null && target != null) {
            return find("action = ?1 and target = ?2", newest, action, target);
        }
        if (action != null) {
            return find("action", newest, action);
        }
        if (target != null) {
            return find("target", newest, target);
        }
        return findAll(newest);
    }
}
