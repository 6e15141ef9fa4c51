package io.certdesk.order.remote;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Puts order-service's own token, meant for one callee, on every request of that callee's generated client
 * (registered through {@code quarkus.rest-client.<callee>.providers}). It runs after the generator's own
 * authentication filter, which has no token configured, so the service token is what goes out.
 */
@Priority(Priorities.AUTHENTICATION + 10)
public abstract class ServiceAuthentication implements ClientRequestFilter {

    private volatile ServiceTokens tokens;

    /** The callee's service name, the token's audience. */
    protected abstract String audience();

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens().forAudience(audience()));
    }

    private ServiceTokens tokens() {
        ServiceTokens t = tokens;
        if (t == null) {
            t = CDI.current().select(ServiceTokens.class).get();
            tokens = t;
        }
        return t;
    }

    /** For keystore-service's client. */
    public static class Keystore extends ServiceAuthentication {
        @Override
        protected String audience() {
            return KeystoreClient.SERVICE;
        }
    }

    /** For binding-service's client. */
    public static class Binding extends ServiceAuthentication {
        @Override
        protected String audience() {
            return BindingClient.SERVICE;
        }
    }
}
