package io.certdesk.order.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.certdesk.order.order.WorkflowConfig;
import io.certdesk.order.platform.Problem;
import io.certdesk.order.platform.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a document upload whose declared Content-Length exceeds the document limit with 413 before any of the
 * body is read: the JAX-RS method binds the body to a byte[], so a check there comes only after the whole body
 * is buffered. Bodies without a length are bounded by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class UploadSizeGuard {

    /** Ahead of the REST routes, which read the body. */
    private static final int ORDER = -100;

    private final WorkflowConfig config;
    private final ObjectMapper json;

    public UploadSizeGuard(WorkflowConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.putWithRegex("/orders/[^/]+/documents/[^/]+/file").order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            // A malformed length is the HTTP layer's to refuse.
            ctx.next();
            return;
        }
        if (length <= config.maxDocumentBytes()) {
            ctx.next();
            return;
        }
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(), "The document is " + length
                + " bytes; the limit is " + config.maxDocumentBytes() + " bytes", ctx.request().path(), null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Problem always serialises", e);
        }
        // Close the connection: the unread body must not be taken for the next request.
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
