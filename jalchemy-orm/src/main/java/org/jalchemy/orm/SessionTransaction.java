package org.jalchemy.orm;

/**
 * A session's transaction: the root one (from {@code session.begin()} or autobegun by the first
 * operation) or a SAVEPOINT from {@code session.beginNested()}. Usable with try-with-resources:
 * {@code close()} rolls back if neither {@link #commit()} nor {@link #rollback()} ran, so
 * {@code try (var tx = session.begin()) { ...; tx.commit(); }} never leaves half-done work.
 *
 * <p>It also records which objects it added, inserted and deleted, so rolling it back can put
 * memory back in line with the database: objects added or inserted within it become transient,
 * objects deleted within it persistent again, and every persistent object is expired.
 *
 * <p>A flush that fails inside it rolls it back in the database at once and leaves it
 * {@linkplain #isFailed() failed}: the session then raises {@code PendingRollbackError} until
 * {@link #rollback()} (SQLAlchemy's "inactive due to a rollback in a subtransaction").
 */
public interface SessionTransaction extends AutoCloseable {
    /** Root: flushes and commits ({@code session.commit()}). Nested: flushes and releases the SAVEPOINT. */
    void commit();

    /** Root: {@code session.rollback()}. Nested: rolls back to the SAVEPOINT and restores objects changed since. */
    void rollback();

    /** True until committed or rolled back; false once a failed flush rolled it back in the database. */
    boolean isActive();

    /** True when a failed flush rolled this transaction back in the database and it waits for {@link #rollback()}. */
    boolean isFailed();

    /** True for a SAVEPOINT from {@code session.beginNested()}. */
    boolean isNested();

    /** Rolls back when still active. */
    @Override
    void close();
}
