package io.certdesk.binding.platform;

/**
 * What a caller may see: everything ({@link #ALL}), one customer's records, the one server a deployer token is
 * bound to, or both at once for a token that carries both claims. Records outside it answer 404, as if missing.
 */
public record Scope(CustomerId customer, ServerId server) {

    public static final Scope ALL = new Scope(null, null);

    public boolean all() {
        return customer == null && server == null;
    }

    /** Whether a record owned by {@code customerId} is visible (ignores the server claim). */
    public boolean allowsCustomer(String customerId) {
        return customer == null || customer.value().equals(customerId);
    }

    /** Whether a record of server {@code serverId} owned by {@code customerId} is visible. */
    public boolean allows(String customerId, String serverId) {
        return allowsCustomer(customerId) && (server == null || server.value().equals(serverId));
    }

    /** A customer filter that no record matches: what a customer gets for asking about another customer. */
    public static final String NOBODY = "";

    /**
     * The customer filter for listings: what an operator asked for; for a customer token its own customer, or
     * {@link #NOBODY} when it asked about another customer (its list is then empty, never someone else's).
     */
    public String customerFilter(String requested) {
        if (customer == null) {
            return requested;
        }
        return requested == null || requested.equals(customer.value()) ? customer.value() : NOBODY;
    }
}
