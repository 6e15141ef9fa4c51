package io.certdesk.order.platform;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/** Recognises a lost optimistic-lock race (a row's version moved on) anywhere in a cause chain. */
public final class OptimisticLock {

    private OptimisticLock() {
    }

    public static boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
