package io.certdesk.binding.platform;

/**
 * What a caller may see: everything ({@link #ALL}), one customer's servers, or the one server a
 * deployer token is bound to. Records outside the scope answer 404, as if they did not exist.
 */
public record Scope(String customerId, Long serverId) {

    public static final Scope ALL = new Scope(null, null);

    public boolean allows(String serverCustomerId, long id) {
        return (customerId == null || customerId.equals(serverCustomerId)) && (serverId == null || serverId == id);
    }
}
