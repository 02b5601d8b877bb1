package org.jalchemy.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.jalchemy.dialect.Dialect;

import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Connections from a {@link DataSource} the application owns (a framework's pool, typically Spring
 * Boot's HikariCP): what {@code Jalchemy.createEngine(url, dataSource, options)} uses instead of its
 * own pool. The URL then only chooses the dialect; pool size, timeouts and credentials are the
 * DataSource's.
 *
 * <p>Invariants: each physical connection gets the dialect's and the engine's per-connection set-up
 * once, the first time this pool sees it (found by unwrapping the pool's proxy), as if it had just
 * been opened; every checkout is in the engine's commit mode (autocommit off, or on for
 * {@code AUTOCOMMIT}) and isolation level; a checkin gives the connection back with the autocommit
 * it was handed out with, so the owner's other users (a {@code JdbcTemplate}) find it as they left
 * it. {@link #dispose()} never closes the DataSource: its owner does.
 *
 * <p>Hazard: a connection this pool finds broken is evicted when the DataSource is (or wraps) a
 * HikariCP pool; any other pool only gets it back closed, and must notice that itself.
 */
final class DataSourcePool implements ConnectionPool {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final Consumer<java.sql.Connection> onConnect;
    private final IsolationLevel isolation;
    private final Map<java.sql.Connection, Boolean> prepared = Collections.synchronizedMap(new WeakHashMap<>());
    /** Handed-out connections whose autocommit was changed at checkout, and to what it was. */
    private final Map<java.sql.Connection, Boolean> restoreAutoCommit = Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final AtomicInteger checkedOut = new AtomicInteger();

    DataSourcePool(DataSource dataSource, Dialect dialect, Consumer<java.sql.Connection> onConnect, IsolationLevel isolation) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.onConnect = onConnect;
        this.isolation = isolation;
    }

    @Override
    public java.sql.Connection checkout() throws SQLException {
        java.sql.Connection c = dataSource.getConnection();
        try {
            java.sql.Connection physical = physical(c);
            if (prepared.putIfAbsent(physical, Boolean.TRUE) == null) {
                try {
                    dialect.onConnect(physical);
                    onConnect.accept(physical);
                } catch (SQLException | RuntimeException e) {
                    prepared.remove(physical);
                    throw e;
                }
            }
            boolean wantAuto = isolation == IsolationLevel.AUTOCOMMIT;
            boolean was = c.getAutoCommit();
            if (was != wantAuto) {
                c.setAutoCommit(wantAuto);
                restoreAutoCommit.put(c, was);
            }
            if (isolation != null && isolation != IsolationLevel.AUTOCOMMIT && c.getTransactionIsolation() != isolation.jdbcLevel()) {
                c.setTransactionIsolation(isolation.jdbcLevel());
            }
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // failing anyway
            }
            throw e;
        }
        checkedOut.incrementAndGet();
        return c;
    }

    private static java.sql.Connection physical(java.sql.Connection c) {
        try {
            return c.isWrapperFor(java.sql.Connection.class) ? c.unwrap(java.sql.Connection.class) : c;
        } catch (SQLException e) {
            return c;
        }
    }

    @Override
    public void checkin(java.sql.Connection raw) throws SQLException {
        checkedOut.decrementAndGet();
        try {
            Boolean was = restoreAutoCommit.remove(raw);
            if (was != null) {
                raw.setAutoCommit(was);
            }
        } finally {
            raw.close();
        }
    }

    @Override
    public void invalidate(java.sql.Connection raw) {
        restoreAutoCommit.remove(raw);
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(raw);
                return;
            }
        } catch (SQLException | RuntimeException ignored) {
            // fall back to closing it
        }
        try {
            physical(raw).close();
            raw.close();
        } catch (SQLException ignored) {
            // broken anyway
        }
    }

    @Override
    public void invalidateAll() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                var mx = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (mx != null) {
                    mx.softEvictConnections();
                }
            }
        } catch (SQLException | RuntimeException ignored) {
            // the engine still refuses connections opened before the invalidation
        }
    }

    @Override
    public void dispose() {
        prepared.clear(); // the DataSource is its owner's to close
    }

    @Override
    public PoolStatus status() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource h = dataSource.unwrap(HikariDataSource.class);
                var mx = h.getHikariPoolMXBean();
                if (mx != null) {
                    return new PoolStatus(h.getMinimumIdle(), h.getMaximumPoolSize() - h.getMinimumIdle(),
                            mx.getTotalConnections(), mx.getActiveConnections(), mx.getIdleConnections(),
                            mx.getThreadsAwaitingConnection());
                }
            }
        } catch (SQLException | RuntimeException ignored) {
            // counters of our own below
        }
        int out = Math.max(0, checkedOut.get());
        return new PoolStatus(0, 0, out, out, 0, 0);
    }

    DataSource dataSource() {
        return dataSource;
    }
}
