package org.jalchemy.engine;

/**
 * A transaction on a {@link Connection}: the root transaction from {@code begin()} or a SAVEPOINT
 * from {@code beginNested()}. Closing a transaction that is still active rolls it back, so
 * {@code try (Transaction tx = conn.begin()) { ...; tx.commit(); }} never leaves work half done.
 *
 * <p>Not thread-safe; belongs to its connection's thread.
 */
public interface Transaction extends AutoCloseable {
    /** Commits (root) or releases the savepoint (nested). */
    void commit();

    /** Rolls back (root) or rolls back to the savepoint (nested). */
    void rollback();

    /** True until committed or rolled back (or its connection closed). */
    boolean isActive();

    /** True for a SAVEPOINT from {@code beginNested()}. */
    boolean isNested();

    /** The connection this transaction runs on. */
    Connection connection();

    /** Rolls back if still active. */
    @Override
    void close();
}
