package io.certdesk.keystore.platform;

/** Role names carried in the JWT {@code groups} claim. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";
    public static final String DEPLOYER = "deployer";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
