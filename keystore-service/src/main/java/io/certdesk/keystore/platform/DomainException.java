package io.certdesk.keystore.platform;

import java.util.List;

/** A failure the client can act on; mapped to a problem+json answer of its {@link ProblemType}. */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Problem.Violation> violations;
    private final boolean denial;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public DomainException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(type, detail, violations, false);
    }

    private DomainException(ProblemType type, String detail, List<Problem.Violation> violations, boolean denial) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.denial = denial;
    }

    /** True when access was refused (even if the answer pretends the record is missing). */
    public boolean denial() {
        return denial;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    /** Another customer's record: answered exactly like a missing one, but audited as a denial. */
    public static DomainException hidden(String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, what + " '" + id + "' does not exist", List.of(), true);
    }

    /** Access refused (403), audited as a denial. */
    public static DomainException denied(String detail) {
        return new DomainException(ProblemType.FORBIDDEN, detail, List.of(), true);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ProblemType.CONFLICT, detail);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }
}
