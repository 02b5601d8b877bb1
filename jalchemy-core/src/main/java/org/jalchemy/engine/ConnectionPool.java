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

    void dispose();

    PoolStatus status();
}
