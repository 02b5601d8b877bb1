package org.jalchemy.engine;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** No pooling: each checkout opens a connection and each checkin closes it (SQLAlchemy's NullPool). */
final class NullPool implements ConnectionPool {
    private final RawConnector connector;
    private final AtomicInteger open = new AtomicInteger();

    NullPool(RawConnector connector) {
        this.connector = connector;
    }

    @Override
    public java.sql.Connection checkout() throws SQLException {
        java.sql.Connection c = connector.getConnection();
        c.setAutoCommit(false);
        open.incrementAndGet();
        return c;
    }

    @Override
    public void checkin(java.sql.Connection raw) throws SQLException {
        open.decrementAndGet();
        raw.close();
    }

    @Override
    public void invalidate(java.sql.Connection raw) {
        try {
            raw.close();
        } catch (SQLException ignored) {
            // broken anyway
        }
    }

    @Override
    public void dispose() {
    }

    @Override
    public PoolStatus status() {
        int n = open.get();
        return new PoolStatus(0, 0, n, n, 0, 0);
    }
}
