package io.certdesk.order.platform;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

/** Recognises PostgreSQL foreign-key failures (a row still referenced, or a missing parent) in a cause chain. */
public final class ForeignKeyViolation {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private ForeignKeyViolation() {
    }

    public static boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports some flush failures as its own exception without the driver's as cause.
            if (t instanceof JDBCException jdbc && FOREIGN_KEY_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
