package io.certdesk.order.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeoutException;

/**
 * What went wrong calling another service, read from its problem+json answer. It is either {@link Refused} (a 4xx
 * the same request will meet again: never retried) or {@link Unavailable} (5xx, 429, 408 or no answer: a passing
 * outage worth retrying).
 */
public abstract sealed class RemoteProblem extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final int status;
    private final String type;
    private final String detail;

    RemoteProblem(String service, int status, String type, String detail, Throwable cause) {
        super(service + (status > 0 ? " answered " + status : " did not answer") + (detail == null ? "" : ": " + detail),
                cause);
        this.service = service;
        this.status = status;
        this.type = type;
        this.detail = detail;
    }

    /** The callee refused the request; sending it again gets the same answer. */
    public static final class Refused extends RemoteProblem {
        Refused(String service, int status, String type, String detail, Throwable cause) {
            super(service, status, type, detail, cause);
        }
    }

    /** No usable answer now (5xx, 429, 408, refused connection, timeout, open circuit); later may work. */
    public static final class Unavailable extends RemoteProblem {
        Unavailable(String service, int status, String type, String detail, Throwable cause) {
            super(service, status, type, detail, cause);
        }
    }

    public String service() {
        return service;
    }

    /** The HTTP status, 0 when no answer came (refused connection, timeout, open circuit). */
    public int status() {
        return status;
    }

    /** The problem type URI, when the callee sent one. */
    public String type() {
        return type;
    }

    /** The callee's detail, or why there was no answer. */
    public String detail() {
        return detail;
    }

    public boolean retryable() {
        return this instanceof Unavailable;
    }

    public boolean is(int httpStatus) {
        return status == httpStatus;
    }

    /** Any failure of a call to {@code service} as a RemoteProblem (a RemoteProblem passes through unchanged). */
    public static RemoteProblem of(String service, Throwable failure) {
        if (failure instanceof RemoteProblem problem) {
            return problem;
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            Response response = web.getResponse();
            String type = null;
            String detail = null;
            try {
                String body = response.hasEntity() ? response.readEntity(String.class) : null;
                if (body != null && !body.isBlank()) {
                    JsonNode problem = JSON.readTree(body);
                    type = problem.path("type").asText(null);
                    detail = problem.path("detail").asText(null);
                }
            } catch (Exception unreadable) {
                detail = "the answer was not a readable problem";
            }
            return of(service, response.getStatus(), type, detail, failure);
        }
        String name = failure.getClass().getSimpleName();
        String reason = failure instanceof TimeoutException || name.contains("Timeout") ? "no answer in time"
                : name.contains("CircuitBreakerOpen") ? "calls are paused after repeated failures"
                : failure.getMessage() == null ? name : name + ": " + failure.getMessage();
        return new Unavailable(service, 0, null, reason, failure);
    }

    static RemoteProblem of(String service, int status, String type, String detail, Throwable cause) {
        boolean passing = status >= 500 || status == 429 || status == 408;
        return passing ? new Unavailable(service, status, type, detail, cause)
                : new Refused(service, status, type, detail, cause);
    }
}
