package io.certdesk.order.platform;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: their roles and the customer or server their token is bound to. Claims are read the same way in
 * every service: a JSON string or number is taken as text and must then have the id's documented form.
 */
@RequestScoped
public class Caller {

    public static final String CUSTOMER_CLAIM = "customer_id";
    public static final String SERVER_CLAIM = "server_id";
    /** Prefix of a ForbiddenException message that explains what is wrong with the token itself. */
    static final String TOKEN_PROBLEM = "token: ";

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    /** Staff, admins and calling services see every customer's records. */
    public boolean isOperator() {
        return identity.hasRole(Roles.STAFF) || identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.SERVICE);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The roles this token carries, sorted. */
    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    /**
     * The records this caller may read. A token's claims only ever narrow what it sees, whatever roles it also
     * carries: a customer_id claim holds it to that customer, a server_id claim to that server, both at once when it
     * carries both; a customer token must carry its customer_id and a deployer token its server_id. Only an operator
     * token (staff, admin, service) without either claim sees everything.
     */
    public Scope scope() {
        boolean deployer = identity.hasRole(Roles.DEPLOYER);
        boolean customer = identity.hasRole(Roles.CUSTOMER);
        ServerId server = deployer ? requiredServer() : serverId();
        CustomerId owner = customer ? requiredCustomer() : optionalCustomer();
        if (owner == null && server == null && !isOperator()) {
            owner = requiredCustomer();
        }
        return owner == null && server == null ? Scope.ALL : new Scope(owner, server);
    }

    /**
     * The customer whose records this caller may see: null for an operator token without claims (everything), the
     * token's customer_id otherwise. A token narrowed to a server but to no customer cannot see records that belong
     * to a customer rather than to a server: refused.
     */
    public String customerScope() {
        Scope scope = scope();
        if (scope.customer() != null) {
            return scope.customer().value();
        }
        if (scope.all()) {
            return null;
        }
        return requiredCustomer().value();
    }

    /** The server a deployer token is bound to, or null when it carries none. */
    public ServerId serverId() {
        String claim = claim(SERVER_CLAIM);
        return claim == null ? null : parse(claim, SERVER_CLAIM, ServerId.class);
    }

    /** Who did something, as written on timelines and audit entries: the token's subject. */
    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private CustomerId optionalCustomer() {
        String claim = claim(CUSTOMER_CLAIM);
        return claim == null ? null : parse(claim, CUSTOMER_CLAIM, CustomerId.class);
    }

    private CustomerId requiredCustomer() {
        String claim = claim(CUSTOMER_CLAIM);
        if (claim == null) {
            throw new ForbiddenException(TOKEN_PROBLEM + "it carries no customer_id claim");
        }
        return parse(claim, CUSTOMER_CLAIM, CustomerId.class);
    }

    private ServerId requiredServer() {
        ServerId server = serverId();
        if (server == null) {
            throw new ForbiddenException(TOKEN_PROBLEM + "a deployer token must carry a server_id claim");
        }
        return server;
    }

    private static <T> T parse(String claim, String name, Class<T> type) {
        try {
            return type == ServerId.class ? type.cast(new ServerId(claim)) : type.cast(new CustomerId(claim));
        } catch (InvalidValue e) {
            throw new ForbiddenException(TOKEN_PROBLEM + "its " + name + " claim is not valid (" + e.getMessage() + ")");
        }
    }

    /** A claim as text whatever JSON scalar the issuer used; null when absent or blank. */
    private String claim(String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? null : text;
    }
}
