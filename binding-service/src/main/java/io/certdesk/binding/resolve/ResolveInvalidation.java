package io.certdesk.binding.resolve;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Before the answer to any request that may have changed data leaves this replica (a write that was not refused with a
 * 4xx, which changes nothing), {@link ResolveTable} forgets what it holds: the caller's next {@code /resolve} reads what it just committed, even before PostgreSQL's notification
 * arrives. Other replicas forget on the notification.
 */
public class ResolveInvalidation {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ResolveTable table;

    public ResolveInvalidation(ResolveTable table) {
        this.table = table;
    }

    @ServerResponseFilter
    public void afterChange(ContainerRequestContext request, ContainerResponseContext response) {
        // a refused request (4xx) changed nothing: anonymous or invalid writes must not flush what is held
        int status = response.getStatus();
        if (!SAFE.contains(request.getMethod()) && (status < 400 || status >= 500)) {
            table.forget();
        }
    }
}
