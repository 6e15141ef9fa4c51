package io.certdesk.order.platform;

import java.util.List;

/** A failure the client can act on; mapped to a problem+json answer of its {@link ProblemType}. */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Problem.Violation> violations;
    private final transient List<String> allowedCommands;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public DomainException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.allowedCommands = List.of();
    }

    private DomainException(String detail, List<String> allowedCommands) {
        super(detail);
        this.type = ProblemType.CONFLICT;
        this.violations = List.of();
        this.allowedCommands = List.copyOf(allowedCommands);
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

    /** A 409 for a command the resource's current state does not accept, listing the ones it does. */
    public static DomainException illegalState(String detail, List<String> allowedCommands) {
        return new DomainException(detail, allowedCommands);
    }

    public static DomainException unprocessable(String detail) {
        return new DomainException(ProblemType.UNPROCESSABLE, detail);
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ProblemType.CONFLICT, detail);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }
}
