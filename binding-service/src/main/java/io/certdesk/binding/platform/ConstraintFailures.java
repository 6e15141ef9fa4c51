package io.certdesk.binding.platform;

import io.vertx.pgclient.PgException;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises PostgreSQL integrity failures (unique, exclusion, foreign key) anywhere in a cause chain,
 * so that a race lost against a database invariant becomes a 409 rather than a 500.
 */
public final class ConstraintFailures {

    private static final Set<String> INTEGRITY = Set.of("23505", "23P01", "23503");

    private ConstraintFailures() {
    }

    public static boolean test(Throwable failure) {
        return constraint(failure).isPresent();
    }

    /** The name of the violated constraint, when the failure is an integrity violation. */
    public static Optional<String> constraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && INTEGRITY.contains(pg.getSqlState())) {
                return Optional.of(pg.getConstraint() == null ? "" : pg.getConstraint());
            }
            // Hibernate Reactive reports flush failures as its own exception, without the driver's as cause
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv && INTEGRITY.contains(cv.getSQLState())) {
                return Optional.of(cv.getConstraintName() == null ? "" : cv.getConstraintName());
            }
            if (t instanceof org.hibernate.JDBCException jdbc && INTEGRITY.contains(jdbc.getSQLState())) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }
}
