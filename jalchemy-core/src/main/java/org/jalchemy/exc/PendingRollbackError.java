package org.jalchemy.exc;

/**
 * A transaction failed part-way and was rolled back by the database (a failed flush, or a lost
 * connection inside a transaction), so nothing more may run in it: the caller must call
 * {@code rollback()} first, which ends the failed transaction in memory too, and may then start
 * again (SQLAlchemy's {@code PendingRollbackError}).
 *
 * <p>Why the extra step: without it a later {@code commit()} would "succeed" while the work done
 * before the failure was already gone, and the application would believe it stored. The
 * {@linkplain #getCause() cause} is the error that failed the transaction.
 */
public class PendingRollbackError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public PendingRollbackError(String message, Throwable cause) {
        super(message, cause);
    }
}
