package org.jalchemy.engine;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One physical connection shared by every checkout (SQLAlchemy's StaticPool): what keeps an
 * in-memory SQLite database alive between connections.
 *
 * <p>Hazard: all jalchemy Connections share one transaction state. Use it from one thread at a
 * time and do not interleave two open Connections' transactions.
 */
final class StaticPool implements ConnectionPool {
    private final RawConnector connector;
    private final AtomicInteger checkedOut = new AtomicInteger();
    private java.sql.Connection conn;

    StaticPool(RawConnector connector) {
        this.connector = connector;
    }

    @Override
    public synchronized java.sql.Connection checkout() throws SQLException {
        if (conn == null || conn.isClosed()) {
            conn = connector.getConnection();
            conn.setAutoCommit(false);
        }
        checkedOut.incrementAndGet();
        return conn;
    }

    @Override
    public void checkin(java.sql.Connection raw) {
        checkedOut.decrementAndGet();
    }

    @Override
    public synchronized void invalidate(java.sql.Connection raw) {
        try {
            raw.close();
        } catch (SQLException ignored) {
            // already broken
        }
        conn = null;
    }

    @Override
    public synchronized void dispose() {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            conn = null;
        }
    }

    @Override
    public synchronized PoolStatus status() {
        int open = conn == null ? 0 : 1;
        int out = Math.max(0, checkedOut.get());
        return new PoolStatus(1, 0, open, Math.min(out, open), open - Math.min(out, open), 0);
    }
}
