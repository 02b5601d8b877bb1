package org.jalchemy.engine;

import org.jalchemy.exc.DBAPIError;

/**
 * Engine events (SQLAlchemy's ConnectionEvents and PoolEvents in one interface): implement the
 * methods you need; register with {@code engine.events().listen(listener)}.
 *
 * <p>Listeners run synchronously on the thread doing the work, in registration order; an
 * exception thrown by a listener propagates to the caller (after {@code beforeExecute}, the
 * statement is not run). Keep them fast: {@code beforeExecute}/{@code afterExecute} sit on every
 * statement's path. With no listener registered the engine allocates nothing for events.
 */
public interface EngineListener {
    /** A new raw JDBC connection was opened by the pool (once per physical connection). */
    default void connect(java.sql.Connection raw) {
    }

    /** A connection was checked out of the pool. */
    default void checkout(Connection connection) {
    }

    /**
     * {@code engine.connect()} failed: {@code error} is what the caller receives (a
     * {@link org.jalchemy.exc.TimeoutError} when the pool stayed exhausted for {@code poolTimeout},
     * an {@link org.jalchemy.exc.OperationalError} when the database could not be reached).
     */
    default void checkoutFailed(RuntimeException error) {
    }

    /** A connection is being returned to the pool (after its reset rollback). */
    default void checkin(Connection connection) {
    }

    /** About to run a statement; {@code ctx.parameters()} holds the values to bind. */
    default void beforeExecute(ExecuteContext ctx) {
    }

    /** A statement ran; {@code ctx.elapsedNanos()} and {@code ctx.rowcount()} are filled in. */
    default void afterExecute(ExecuteContext ctx) {
    }

    /** A statement failed; {@code error} is what the caller will receive. */
    default void handleError(ExecuteContext ctx, DBAPIError error) {
    }

    /** A transaction began on {@code connection} (explicitly or by autobegin). */
    default void begin(Connection connection) {
    }

    default void commit(Connection connection) {
    }

    /**
     * A transaction committed (after {@link #commit}), or a statement in autocommit mode wrote:
     * {@code written} names the tables it wrote. Called only when something was written. The
     * database has committed: an exception thrown here still reaches the caller of
     * {@code commit()}, who may then wrongly believe the commit failed, so listeners here should
     * handle their own failures.
     */
    default void afterCommit(Connection connection, TablesWritten written) {
    }

    default void rollback(Connection connection) {
    }

    /** A SAVEPOINT was set ({@code beginNested}). */
    default void savepoint(Connection connection, String name) {
    }

    default void rollbackSavepoint(Connection connection, String name) {
    }

    default void releaseSavepoint(Connection connection, String name) {
    }
}
