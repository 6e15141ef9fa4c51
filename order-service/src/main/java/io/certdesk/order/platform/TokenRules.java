package io.certdesk.order.platform;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The rules every bearer token meets in every service, after its signature, issuer and audience were checked:
 * <ul>
 * <li>it says when it was issued, not in the future and not longer ago than {@code certdesk.tokens.max-age};
 * a deployer token (it sits on a customer's server) lives at most {@code certdesk.tokens.deployer-max-lifetime};
 * otherwise the request is 401;</li>
 * <li>the {@code service} role is kept only by the services named in {@code certdesk.tokens.service-callers};</li>
 * <li>a token that names a customer ({@code customer_id}) or a server ({@code server_id}) is held to it whatever roles
 * it also carries: its operator roles (staff, admin, service), which would reach every customer's records and every
 * operator-only command, are dropped; what remains is narrowed by {@link Caller#scope()}.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenRules implements SecurityIdentityAugmentor {

    private static final Set<String> OPERATOR_ROLES = Set.of(Roles.STAFF, Roles.ADMIN, Roles.SERVICE);

    private final TokenConfig config;

    public TokenRules(TokenConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        String refused = refusal(jwt, identity.getRoles());
        if (refused != null) {
            return Uni.createFrom().failure(new AuthenticationFailedException(refused));
        }
        Set<String> roles = new HashSet<>(identity.getRoles());
        if (!config.serviceCallers().orElse(List.of()).contains(jwt.getSubject())) {
            roles.remove(Roles.SERVICE);
        }
        if (jwt.getClaim(Caller.CUSTOMER_CLAIM) != null || jwt.getClaim(Caller.SERVER_CLAIM) != null) {
            roles.removeAll(OPERATOR_ROLES);
        }
        if (roles.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(roles)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .setAnonymous(false)
                .build());
    }

    /** Why the token is not accepted at all, or null. */
    private String refusal(JsonWebToken jwt, Set<String> roles) {
        long issuedAt = jwt.getIssuedAtTime();
        if (issuedAt <= 0) {
            return "the token says nothing about when it was issued (iat)";
        }
        long now = Instant.now().getEpochSecond();
        if (issuedAt > now + config.clockSkew().toSeconds()) {
            return "the token was issued in the future (iat)";
        }
        if (now - issuedAt > config.maxAge().toSeconds()) {
            return "the token is older than " + config.maxAge();
        }
        if (roles.contains(Roles.DEPLOYER) && jwt.getExpirationTime() - issuedAt > config.deployerMaxLifetime().toSeconds()) {
            return "a deployer token may live at most " + config.deployerMaxLifetime();
        }
        return null;
    }
}
