package io.certdesk.order.platform;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
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
        String customer = scalar(jwt.getClaim(CUSTOMER_CLAIM));
        if (customer == null || customer.isBlank()) {
            throw new ForbiddenException("token carries no customer_id");
        }
        return customer;
    }

    /** The server a deployer token is bound to, or null. */
    public String serverId() {
        return scalar(jwt.getClaim(SERVER_CLAIM));
    }

    /**
     * A claim as text whatever JSON scalar the issuer used: {@code "C-1"} and {@code 42} are both ids. Reading it as
     * a String directly throws ClassCastException for a number, which surfaced as a 500.
     */
    static String scalar(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim.toString();
    }

    /** Whether this caller may see the records of {@code customerId}: operators always, a customer only its own. */
    public boolean maySee(String customerId) {
        String scope = customerScope();
        return scope == null || scope.equals(customerId);
    }

    /** Who did something, as written on timelines and audit columns: the token's subject. */
    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
