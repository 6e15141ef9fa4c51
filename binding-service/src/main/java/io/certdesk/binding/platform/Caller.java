package io.certdesk.binding.platform;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: their roles and the customer or server their token is bound to. */
@RequestScoped
public class Caller {

    public static final String CUSTOMER_CLAIM = "customer_id";
    public static final String SERVER_CLAIM = "server_id";

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public boolean isOperator() {
        return identity.hasRole(Roles.STAFF) || identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.SERVICE);
    }

    /**
     * The customer whose records this caller may see: null for operators (everything), the token's
     * {@code customer_id} for a customer. A customer token without that claim is refused.
     */
    public String customerScope() {
        if (isOperator()) {
            return null;
        }
        String customer = jwt.getClaim(CUSTOMER_CLAIM);
        if (customer == null || customer.isBlank()) {
            throw new ForbiddenException("token carries no customer_id");
        }
        return customer;
    }

    /**
     * The records this caller may read. A token's claims only ever narrow what it sees: a deployer token is
     * held to its numeric server_id, a customer token to its customer_id, and a token carrying both roles to
     * both at once (a customer's deployer sees only that server, and only while it is the customer's).
     * A deployer token without a numeric server_id is refused.
     */
    public Scope scope() {
        if (isOperator()) {
            return Scope.ALL;
        }
        boolean deployer = identity.hasRole(Roles.DEPLOYER);
        Long server = null;
        if (deployer) {
            try {
                server = Long.valueOf(String.valueOf(serverId()));
            } catch (NumberFormatException e) {
                throw new ForbiddenException("deployer token carries no server_id");
            }
        }
        // any non-operator that is not purely a deployer is a customer and must name one
        String customer = deployer && !identity.hasRole(Roles.CUSTOMER) ? null : customerScope();
        return new Scope(customer, server);
    }

    /** The server a deployer token is bound to, or null. */
    public String serverId() {
        Object claim = jwt.getClaim(SERVER_CLAIM);
        return claim == null ? null : claim.toString();
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
