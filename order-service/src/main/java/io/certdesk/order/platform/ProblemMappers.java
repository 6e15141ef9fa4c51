package io.certdesk.order.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json, the same way in the three services. Details shown to clients are
 * written here, by {@link DomainException} or by {@link InvalidValue}; framework messages, class names, SQL and stack
 * traces never pass through.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** How long a client should wait when the database cannot be reached. */
    static final long DATABASE_RETRY_SECONDS = 5;

    private final Instance<RefusalListener> refusals;

    public ProblemMappers(Instance<RefusalListener> refusals) {
        this.refusals = refusals;
    }

    @ServerExceptionMapper
    public Uni<Response> domain(DomainException e, UriInfo uri) {
        Response answer = build(e.type(), e.getMessage(), uri, e.violations(), e.allowedCommands(),
                e.retryAfterSeconds());
        if (e.denial() && e.type() == ProblemType.FORBIDDEN) {
            return refused(uri, e.getMessage()).replaceWith(answer);
        }
        return Uni.createFrom().item(answer);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidValue e, UriInfo uri) {
        return problem(ProblemType.VALIDATION, e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return invalid(violations, uri);
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
    public Response instantiation(ValueInstantiationException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()
                || causeOf(e, com.fasterxml.jackson.core.JsonParseException.class) != null) {
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String detail = original.startsWith("Duplicate field") ? "The request body names a field twice"
                    : e instanceof MismatchedInputException && !original.startsWith("Trailing token")
                            && causeOf(e, com.fasterxml.jackson.core.JsonParseException.class) == null
                            && !original.startsWith("No content")
                            ? "The request body must be a JSON object of the documented shape"
                            : "The request body is not valid JSON";
            return problem(ProblemType.MALFORMED_REQUEST, detail, uri, List.of());
        }
        String field = pathOf(mapping);
        if (e instanceof UnrecognizedPropertyException) {
            return invalid(List.of(new Problem.Violation(field, "is not a known field")), uri);
        }
        InvalidValue reason = causeOf(e, InvalidValue.class);
        String message = reason != null ? reason.getMessage()
                : e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                        ? "is given more than once"
                        : e instanceof InvalidFormatException || e instanceof MismatchedInputException
                                ? "has the wrong type or format" : "cannot be read as the expected type";
        return invalid(List.of(new Problem.Violation(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "Bearer");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, "Bearer error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null && e.getMessage().startsWith(Caller.TOKEN_PROBLEM)
                ? "This token cannot be used here: " + e.getMessage().substring(Caller.TOKEN_PROBLEM.length())
                : "Your role does not allow this operation";
        return refused(uri, detail).replaceWith(problem(ProblemType.FORBIDDEN, detail, uri, List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (causeOf(e, JsonProcessingException.class) != null) {
            // the JSON reader reports an unreadable body as a 400 wrapping Jackson's exception
            return json(causeOf(e, JsonProcessingException.class), uri);
        }
        // JAX-RS answers 404 when a path or query parameter cannot be converted (it carries the conversion
        // failure as cause); a route that matches nothing has no cause. The former is the client's typo: 400.
        if ((status == 404 || status == 400) && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            List<Problem.Violation> violations = unreadableParameters(resource, uri);
            if (!violations.isEmpty()) {
                return invalid(violations, uri);
            }
            return problem(ProblemType.VALIDATION, "A path, query or header parameter cannot be read", uri, List.of());
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This resource does not support that HTTP method";
            case 406 -> "This resource cannot answer in the requested media type";
            case 413 -> "The request body is larger than this resource accepts";
            case 415 -> "This resource does not accept that content type";
            default -> type.title();
        };
        Response.ResponseBuilder answer = Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(type.uri(), type.title(), status, detail, path(uri), List.of(), List.of()));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            answer.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        InvalidValue invalid = causeOf(e, InvalidValue.class);
        if (invalid != null) {
            return invalidValue(invalid, uri);
        }
        if (DatabaseFailures.staleVersion(e)) {
            return problem(ProblemType.CONFLICT, "The record was changed concurrently; read it again and retry", uri,
                    List.of());
        }
        if (DatabaseFailures.foreignKey(e)) {
            return problem(ProblemType.CONFLICT, "The record is still referenced by other records", uri, List.of());
        }
        if (DatabaseFailures.integrity(e)) {
            return problem(ProblemType.CONFLICT, "The change conflicts with an existing record", uri, List.of());
        }
        if (DatabaseFailures.unreachable(e)) {
            Log.warnf("Database unreachable on %s: %s", path(uri), e.getMessage());
            return build(ProblemType.UNAVAILABLE, "The database cannot be reached; try again shortly", uri, List.of(),
                    List.of(), DATABASE_RETRY_SECONDS);
        }
        Log.errorf(e, "Unhandled failure on %s", path(uri));
        return problem(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged", uri, List.of());
    }

    private Uni<Void> refused(UriInfo uri, String reason) {
        if (refusals.isUnsatisfied()) {
            return Uni.createFrom().voidItem();
        }
        return refusals.get().refused(path(uri), reason).onFailure().recoverWithNull();
    }

    /** The path, query and header parameters of the matched method whose raw value cannot be converted. */
    private static List<Problem.Violation> unreadableParameters(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return List.of();
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            if (p.getAnnotation(BeanParam.class) != null) {
                for (Field f : p.getType().getFields()) {
                    check(f.getAnnotation(QueryParam.class), f.getAnnotation(PathParam.class), f.getType(), uri,
                            violations);
                }
            } else {
                check(p.getAnnotation(QueryParam.class), p.getAnnotation(PathParam.class), p.getType(), uri,
                        violations);
            }
        }
        return violations;
    }

    private static void check(QueryParam query, PathParam path, Class<?> type, UriInfo uri,
            List<Problem.Violation> violations) {
        String name = query != null ? query.value() : path != null ? path.value() : null;
        if (name == null) {
            return;
        }
        String raw = query != null ? uri.getQueryParameters().getFirst(name) : uri.getPathParameters().getFirst(name);
        String problem = raw == null ? null : conversionProblem(raw, type);
        if (problem != null) {
            violations.add(new Problem.Violation(name, problem));
        }
    }

    /** Why {@code raw} cannot become a {@code type}, or null when it can. */
    static String conversionProblem(String raw, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(raw);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(raw);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!raw.equals("true") && !raw.equals("false")) {
                    return "must be true or false, not " + Ids.shown(raw);
                }
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(raw)) ? null
                        : "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                                .collect(Collectors.joining(", ")) + ", not " + Ids.shown(raw);
            } else if (type == LocalDate.class) {
                LocalDate.parse(raw);
            } else if (type == OffsetDateTime.class) {
                OffsetDateTime.parse(raw);
            } else if (type != String.class) {
                Method fromString = type.getMethod("fromString", String.class);
                if (Modifier.isStatic(fromString.getModifiers())) {
                    fromString.invoke(null, raw);
                }
            }
            return null;
        } catch (DateTimeParseException e) {
            return type == LocalDate.class ? "must be a date (yyyy-MM-dd), not " + Ids.shown(raw)
                    : "must be a date and time with its offset (e.g. 2026-12-01T10:00:00+09:00), not " + Ids.shown(raw);
        } catch (NumberFormatException e) {
            return "must be a whole number within range, not " + Ids.shown(raw);
        } catch (InvocationTargetException e) {
            return e.getCause() instanceof InvalidValue invalid ? invalid.getMessage() : "cannot be read";
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Response unauthenticated(UriInfo uri, String challenge) {
        return Response.status(401).type(PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .entity(new Problem(ProblemType.UNAUTHORIZED.uri(), ProblemType.UNAUTHORIZED.title(), 401,
                        "A valid bearer token is required", path(uri), List.of(), List.of()))
                .build();
    }

    private static Response invalid(List<Problem.Violation> violations, UriInfo uri) {
        return invalid(violations, path(uri));
    }

    /** 400 naming every violation, for the request at {@code instance} (also for the filters that run before routing). */
    static Response invalid(List<Problem.Violation> violations, String instance) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return problem(ProblemType.VALIDATION, detail, instance, violations);
    }

    static Response problem(ProblemType type, String detail, UriInfo uri, List<Problem.Violation> violations) {
        return problem(type, detail, path(uri), violations);
    }

    /** The one problem+json answer, for the request at {@code instance}. */
    static Response problem(ProblemType type, String detail, String instance, List<Problem.Violation> violations) {
        return build(type, detail, instance, violations, List.of(), 0);
    }

    private static Response build(ProblemType type, String detail, UriInfo uri, List<Problem.Violation> violations,
            List<String> allowedCommands, long retryAfterSeconds) {
        return build(type, detail, path(uri), violations, allowedCommands, retryAfterSeconds);
    }

    private static Response build(ProblemType type, String detail, String instance, List<Problem.Violation> violations,
            List<String> allowedCommands, long retryAfterSeconds) {
        Response.ResponseBuilder answer = Response.status(type.status()).type(PROBLEM_JSON)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, instance, violations,
                        allowedCommands));
        if (retryAfterSeconds > 0) {
            answer.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        return answer.build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
    }
}
