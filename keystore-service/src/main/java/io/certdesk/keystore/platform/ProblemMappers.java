package io.certdesk.keystore.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.certdesk.keystore.audit.AuditEntry.Outcome;
import io.certdesk.keystore.audit.AuditLog;
import io.certdesk.keystore.audit.CurrentActor;
import io.certdesk.keystore.crypto.IntegrityException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json. Details shown to clients are written here or by
 * {@link DomainException}; framework messages, class names, SQL and stack traces never pass through.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final AuditLog audit;
    private final Instance<CurrentActor> actor;

    public ProblemMappers(AuditLog audit, Instance<CurrentActor> actor) {
        this.audit = audit;
        this.actor = actor;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return problem(e.type(), e.getMessage(), uri, e.violations());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return problem(ProblemType.VALIDATION, detail, uri, violations);
    }

    // Quarkus REST ships mappers for these Jackson subtypes; naming each one here puts ours first.
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response badFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return problem(ProblemType.VALIDATION, "Unknown field '" + field + "'", uri,
                    List.of(new Problem.Violation(field, "is not a known field")));
        }
        if (e instanceof InvalidFormatException format) {
            String field = pathOf(format);
            return problem(ProblemType.VALIDATION, "Field '" + field + "' has a value of the wrong type or format",
                    uri, List.of(new Problem.Violation(field, "has the wrong type or format")));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            return problem(ProblemType.VALIDATION, "Field '" + field + "' cannot be read", uri,
                    List.of(new Problem.Violation(field, "cannot be read as the expected type")));
        }
        return problem(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON", uri, List.of());
    }

    // Requests without a valid token are logged, not chained: anyone can send them, and each chained
    // entry takes the audit head's lock. Refusals of authenticated callers are audited below.
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        Log.infof("401 no token: %s", path(uri));
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        Log.infof("401 token rejected: %s", path(uri));
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, UriInfo uri) {
        return auditRefusal(uri, Outcome.DENIED, "role not allowed")
                .replaceWith(problem(ProblemType.FORBIDDEN, "Your role does not allow this operation", uri, List.of()));
    }

    @ServerExceptionMapper
    public Response integrity(IntegrityException e, UriInfo uri) {
        Log.errorf(e, "Integrity failure on %s", path(uri));
        return problem(ProblemType.INTEGRITY, "Stored key material did not authenticate; it was altered or misplaced. "
                + "Nothing was returned; the event is logged and audited", uri, List.of());
    }

    private Uni<Void> auditRefusal(UriInfo uri, Outcome outcome, String reason) {
        return audit.record(actor.get().get(), "http.access", path(uri), outcome, reason)
                .onFailure().recoverWithNull();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This resource does not support that HTTP method";
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "This resource does not accept that content type";
            default -> type.title();
        };
        Response.ResponseBuilder answer = Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(type.uri(), type.title(), status, detail, path(uri), List.of()));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            answer.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (staleVersion(e)) {
            return problem(ProblemType.CONFLICT, "The record was changed by a concurrent request; read it again and retry",
                    uri, List.of());
        }
        if (UniqueViolation.test(e)) {
            return problem(ProblemType.CONFLICT, "The change conflicts with an existing record", uri, List.of());
        }
        Log.errorf(e, "Unhandled failure on %s", path(uri));
        return problem(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged", uri, List.of());
    }

    private static boolean staleVersion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401).type(PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(ProblemType.UNAUTHORIZED.uri(), ProblemType.UNAUTHORIZED.title(), 401,
                        "A valid bearer token is required", path(uri), List.of()))
                .build();
    }

    static Response problem(ProblemType type, String detail, UriInfo uri, List<Problem.Violation> violations) {
        return Response.status(type.status()).type(PROBLEM_JSON)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, path(uri), violations))
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Drops the method and parameter segments ("create.request.code" becomes "code"). */
    private static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
