package io.certdesk.binding.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The Content-Type rule of a request. A command may be sent without a body ({@code curl -X POST .../contract}):
 * whatever Content-Type such a request declares (none, or a client default like text/plain), it is read as an
 * empty JSON request instead of being refused with 415. A request that carries a body must say what it is: without
 * a Content-Type it is refused with 415 before anything reads it (never guessed to be JSON). Requests with a body
 * and a Content-Type are checked by each resource as usual.
 */
public class BodylessCommands {

    @ServerRequestFilter(preMatching = true)
    public Response contentType(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        boolean body = chunked || (length != null && !"0".equals(length.strip()));
        if (!body) {
            if ("POST".equals(method)) {
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            }
            return null;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null && !type.isBlank()) {
            return null;
        }
        return ProblemMappers.problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request has a body but no Content-Type; "
                + "send it as application/json (or the media type the operation documents)",
                request.getUriInfo().getRequestUri().getRawPath(), List.of());
    }
}
