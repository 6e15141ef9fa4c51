package io.certdesk.order.platform;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.Optional;
import java.util.Set;

/** Recognises what PostgreSQL (through Hibernate Reactive or the driver) reported, anywhere in a cause chain. */
public final class DatabaseFailures {

    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";
    private static final Set<String> INTEGRITY = Set.of(UNIQUE, "23P01", FOREIGN_KEY, "23514");
    private static final Set<String> UNREACHABLE = Set.of("08000", "08001", "08003", "08004", "08006", "57P01",
            "57P02", "57P03", "53300");

    private DatabaseFailures() {
    }

    /** A unique-constraint failure: the row already exists. */
    public static boolean unique(Throwable failure) {
        return UNIQUE.equals(sqlState(failure).orElse(null));
    }

    /** A foreign-key failure: a row still referenced, or a missing parent. */
    public static boolean foreignKey(Throwable failure) {
        return FOREIGN_KEY.equals(sqlState(failure).orElse(null));
    }

    /** Any integrity failure (unique, exclusion, foreign key, check): a race lost against an invariant. */
    public static boolean integrity(Throwable failure) {
        return sqlState(failure).filter(INTEGRITY::contains).isPresent();
    }

    /** The name of the violated constraint, when the failure is an integrity violation. */
    public static Optional<String> constraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && INTEGRITY.contains(pg.getSqlState())) {
                return Optional.of(pg.getConstraint() == null ? "" : pg.getConstraint());
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv
                    && INTEGRITY.contains(cv.getSQLState())) {
                return Optional.of(cv.getConstraintName() == null ? "" : cv.getConstraintName());
            }
        }
        return integrity(failure) ? Optional.of("") : Optional.empty();
    }

    /** A lost optimistic-lock race: the row's version moved on. */
    public static boolean staleVersion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** The database cannot be reached or refuses connections now: the request may succeed later. */
    public static boolean unreachable(Throwable failure) {
        if (sqlState(failure).filter(UNREACHABLE::contains).isPresent()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof io.vertx.core.VertxException
                    && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("closed")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return Optional.ofNullable(pg.getSqlState());
            }
            // Hibernate Reactive reports some flush failures as its own exception without the driver's as cause.
            if (t instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLState() != null) {
                return Optional.of(jdbc.getSQLState());
            }
        }
        return Optional.empty();
    }
}
