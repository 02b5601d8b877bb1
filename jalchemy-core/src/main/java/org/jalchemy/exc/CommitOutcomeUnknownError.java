package org.jalchemy.exc;

/**
 * The connection was lost while a COMMIT was in flight, so nobody knows whether the database
 * committed the transaction before the connection went: the COMMIT may have reached the server
 * and been made durable with only the answer lost, or never have arrived. A restarted or
 * fail-over server shows both outcomes.
 *
 * <p>Retrying blindly can therefore store the work twice. Either make the work idempotent (a
 * client-generated key with {@code INSERT ... ON CONFLICT DO NOTHING} / {@code INSERT IGNORE},
 * an "applied" marker row, absolute rather than relative updates) and then retry, or look the
 * effect up on a new connection before deciding. {@code RetryPolicy} retries this error only when
 * the work is declared idempotent. The connection has been discarded; the object that raised it
 * is reusable (it reconnects on next use).
 */
public class CommitOutcomeUnknownError extends OperationalError {
    private static final long serialVersionUID = 1L;

    public CommitOutcomeUnknownError(Details details) {
        super(details);
    }
}
