package io.certdesk.keystore.audit;

import io.certdesk.keystore.platform.RefusalListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Keeps every refusal of an authenticated caller (403) on the audit trail: in custody, who tried what they may not
 * do matters as much as what they did. Requests without a valid token are not chained (anyone can send them).
 */
@ApplicationScoped
public class AccessRefusals implements RefusalListener {

    private final AuditLog audit;
    private final Instance<CurrentActor> actor;

    public AccessRefusals(AuditLog audit, Instance<CurrentActor> actor) {
        this.audit = audit;
        this.actor = actor;
    }

    @Override
    public Uni<Void> refused(String path, String reason) {
        return audit.denied(actor.get().get(), "http.access", path, reason);
    }
}
