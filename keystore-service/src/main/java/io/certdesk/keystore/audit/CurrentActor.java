package io.certdesk.keystore.audit;

import io.certdesk.keystore.platform.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/** The audit identity of the current request: token subject, its strongest role, the client address. */
@RequestScoped
public class CurrentActor {

    private static final List<String> ROLE_ORDER = List.of(Roles.ADMIN, Roles.STAFF, Roles.SERVICE, Roles.DEPLOYER, Roles.CUSTOMER);

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    public CurrentActor(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public AuditActor get() {
        String subject = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String role = ROLE_ORDER.stream().filter(identity::hasRole).findFirst().orElse("none");
        String source = null;
        if (request.getCurrent() != null && request.getCurrent().request().remoteAddress() != null) {
            source = request.getCurrent().request().remoteAddress().hostAddress();
        }
        return new AuditActor(subject, role, source);
    }
}
