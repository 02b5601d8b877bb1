package org.jalchemy.engine;

import java.sql.SQLException;

/**
 * Hands out raw JDBC connections for an engine. Implementations: {@link QueuePool} (HikariCP),
 * {@link StaticPool} (one shared connection), {@link NullPool} (no pooling).
 * {@link #checkin} always receives a connection whose transaction was already ended.
 */
interface ConnectionPool {
    java.sql.Connection checkout() throws SQLException;

    void checkin(java.sql.Connection raw) throws SQLException;

    /** Discards a connection that is known to be broken. */
    void invalidate(java.sql.Connection raw);

    /**
     * Closes the idle connections now and the checked-out ones when they come back (after a
     * disconnect, the others are likely dead too). The engine also refuses, by their opening
     * time, any that slip through; this only frees them sooner.
     */
    default void invalidateAll() {
    }

    void dispose();

    PoolStatus status();
}
