package io.certdesk.binding.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a command be sent without a body ({@code curl -X POST .../contract}): whatever Content-Type such a
 * request declares (none, or a client default like text/plain), it is read as an empty JSON request instead
 * of being refused with 415. Requests that carry a body keep their own Content-Type and are checked as usual.
 */
public class BodylessCommands {

    @ServerRequestFilter(preMatching = true)
    public void treatEmptyBodyAsJson(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        if (!chunked && (length == null || "0".equals(length.strip()))) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
