package io.certdesk.binding.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
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

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(ProblemType.FORBIDDEN, "Your role does not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        // JAX-RS answers 404 when a path or query parameter cannot be converted (it carries the conversion
        // failure as cause); a route that matches nothing has no cause. The former is the client's typo: 400.
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            List<Problem.Violation> violations = unreadableParameters(resource, uri);
            String detail = violations.isEmpty() ? "A path or query parameter cannot be read"
                    : violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
            return problem(ProblemType.VALIDATION, detail, uri, violations);
        }
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
        if (ConstraintFailures.test(e)) {
            return problem(ProblemType.CONFLICT, "The change conflicts with an existing record", uri, List.of());
        }
        Log.errorf(e, "Unhandled failure on %s", path(uri));
        return problem(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged", uri, List.of());
    }

    /** The numeric path and query parameters of the matched method whose raw value is not a number. */
    private static List<Problem.Violation> unreadableParameters(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return List.of();
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            QueryParam query = p.getAnnotation(QueryParam.class);
            PathParam path = p.getAnnotation(PathParam.class);
            String name = query != null ? query.value() : path != null ? path.value() : null;
            if (name == null) {
                continue;
            }
            String raw = query != null ? uri.getQueryParameters().getFirst(name) : uri.getPathParameters().getFirst(name);
            if (raw != null && !readable(raw, p.getType())) {
                violations.add(new Problem.Violation(name, "must be a whole number, got '" + shorten(raw) + "'"));
            }
        }
        return violations;
    }

    private static boolean readable(String raw, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(raw.strip());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(raw.strip());
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String shorten(String raw) {
        return raw.length() <= 32 ? raw : raw.substring(0, 32) + "...";
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
