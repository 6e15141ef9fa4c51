package io.certdesk.binding.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size limits of a request, answered as problem+json like every other error: a request line longer than
 * {@code certdesk.http.max-request-line} is 414, headers larger than {@code certdesk.http.max-header-size} are
 * 431, a declared body larger than {@code quarkus.http.limits.max-body-size} is 413, and a Content-Length that
 * is not a number is 400, all before any resource, filter or body reader runs. The HTTP layer's own hard limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) lie well above these, so a
 * client meets the documented answer; only a request beyond the hard limit gets the bare status of the HTTP layer.
 * A body that streams past the limit without declaring its length fails while it is read and is answered 413 by
 * {@link ProblemMappers}.
 */
@ApplicationScoped
public class HttpLimits {

    /** Before Quarkus's own upload limit (order -2) and the REST layer. */
    static final int ORDER = -3;

    private final ObjectMapper json;
    private final long maxRequestLine;
    private final long maxHeaderSize;
    private final long maxBodySize;

    public HttpLimits(ObjectMapper json,
            @ConfigProperty(name = "certdesk.http.max-request-line") MemorySize maxRequestLine,
            @ConfigProperty(name = "certdesk.http.max-header-size") MemorySize maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.json = json;
        this.maxRequestLine = maxRequestLine.asLongValue();
        this.maxHeaderSize = maxHeaderSize.asLongValue();
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        int line = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
        if (line > maxRequestLine) {
            refuse(context, ProblemType.URI_TOO_LONG, "The request line is " + line + " bytes long; at most " + maxRequestLine
                    + " are accepted. Send long input in a request body");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > maxHeaderSize) {
            refuse(context, ProblemType.HEADERS_TOO_LARGE, "The request headers take " + headers
                    + " bytes; at most " + maxHeaderSize + " are accepted");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                refuse(context, ProblemType.MALFORMED_REQUEST, "Content-Length is not a number");
                return;
            }
            if (declared > maxBodySize) {
                refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "The request body is " + declared + " bytes; at most "
                        + maxBodySize + " are accepted");
                return;
            }
        }
        context.next();
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        String body;
        try {
            body = json.writeValueAsString(new Problem(type.uri(), type.title(), type.status(), detail,
                    context.request().path() == null || context.request().path().length() > 256 ? null
                            : context.request().path(), List.of(), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always writable", e);
        }
        // the rest of an oversized request is not read: answer and close the connection
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
