package io.certdesk.binding.platform;

import java.util.List;

/** A failure the client can act on; mapped to a problem+json answer of its {@link ProblemType}. */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Problem.Violation> violations;
    private final transient List<String> allowedCommands;
    private final boolean denial;
    private final long retryAfterSeconds;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public DomainException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(type, detail, violations, List.of(), false, 0);
    }

    private DomainException(ProblemType type, String detail, List<Problem.Violation> violations,
            List<String> allowedCommands, boolean denial, long retryAfterSeconds) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.allowedCommands = List.copyOf(allowedCommands);
        this.denial = denial;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public List<String> allowedCommands() {
        return allowedCommands;
    }

    /** True when access was refused, even when the answer pretends the record is missing. */
    public boolean denial() {
        return denial;
    }

    /** For 429 and 503: when to try again (the Retry-After header), 0 when not said. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    /** An id in a request body that names nothing (or nothing the caller may see): 404 naming the field. */
    public static DomainException unknownReference(String field, String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, field + ": " + what + " '" + id + "' does not exist",
                List.of(new Problem.Violation(field, what + " '" + id + "' does not exist")));
    }

    /** Another customer's record: answered exactly like a missing one, but counted as a denial. */
    public static DomainException hidden(String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, what + " '" + id + "' does not exist", List.of(), List.of(),
                true, 0);
    }

    /** Access refused (403), counted as a denial. */
    public static DomainException denied(String detail) {
        return new DomainException(ProblemType.FORBIDDEN, detail, List.of(), List.of(), true, 0);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ProblemType.CONFLICT, detail);
    }

    /** A 409 for a command the resource's current state does not accept, listing the ones it does. */
    public static DomainException illegalState(String detail, List<String> allowedCommands) {
        return new DomainException(ProblemType.CONFLICT, detail, List.of(), allowedCommands, false, 0);
    }

    public static DomainException unprocessable(String detail) {
        return new DomainException(ProblemType.UNPROCESSABLE, detail);
    }

    /** A well-formed request that today's data refuses (422), naming the field at fault. */
    public static DomainException unprocessable(String field, String message) {
        return new DomainException(ProblemType.UNPROCESSABLE, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** 503 with a Retry-After: a dependency (the vault, the database, another service) cannot serve now. */
    public static DomainException unavailable(String detail, long retryAfterSeconds) {
        return new DomainException(ProblemType.UNAVAILABLE, detail, List.of(), List.of(), false, retryAfterSeconds);
    }

    /** 429 with a Retry-After: the caller asked for too much too fast. */
    public static DomainException tooManyRequests(String detail, long retryAfterSeconds) {
        return new DomainException(ProblemType.TOO_MANY_REQUESTS, detail, List.of(), List.of(), false,
                retryAfterSeconds);
    }
}
