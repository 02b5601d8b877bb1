package org.jalchemy.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SQLAlchemy's QueuePool on HikariCP (see {@link EngineOptions} for the mapping of the knobs).
 * The Hikari pool is created lazily on the first checkout, as SQLAlchemy connects lazily, and
 * with fail-fast initialisation, so a wrong password or an unreachable host fails that first
 * checkout at once instead of after {@code poolTimeout}. A failed start leaves no pool behind;
 * the next checkout tries again.
 */
final class QueuePool implements ConnectionPool {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final EngineOptions options;
    private final RawConnector connector;
    private final String poolName;
    private volatile HikariDataSource ds;
    private volatile boolean disposed;
    /** Admission gate: one place per connection the pool may hand out, FIFO. */
    private final AdmissionGate gate;
    /** The connections handed out through the gate (each gives its permit back once). */
    private final Set<java.sql.Connection> held = ConcurrentHashMap.newKeySet();

    QueuePool(EngineOptions options, RawConnector connector, String label) {
        this.options = options;
        this.connector = connector;
        this.poolName = "jalchemy-" + SEQ.incrementAndGet() + "-" + label;
        long timeout = options.poolTimeout().compareTo(java.time.Duration.ofDays(36_500)) > 0
                ? Long.MAX_VALUE / 4 : options.poolTimeout().toNanos();
        this.gate = new AdmissionGate(options.poolSize() + options.maxOverflow(), timeout, poolName);
    }

    private HikariDataSource dataSource() throws SQLException {
        HikariDataSource d = ds;
        if (d != null) {
            return d;
        }
        synchronized (this) {
            if (disposed) {
                disposed = false; // SQLAlchemy: a disposed engine makes a new pool on next use
            }
            if (ds == null) {
                HikariConfig cfg = new HikariConfig();
                cfg.setPoolName(poolName);
                cfg.setDataSource(connector);
                cfg.setMaximumPoolSize(options.poolSize() + options.maxOverflow());
                cfg.setMinimumIdle(Math.max(0, options.poolSize()));
                // only overflow connections idle out; without overflow Hikari warns that the timeout has no effect
                cfg.setIdleTimeout(options.maxOverflow() > 0 ? options.overflowIdleTimeout().toMillis() : 0);
                cfg.setConnectionTimeout(options.poolTimeout().toMillis());
                cfg.setMaxLifetime(options.recycle().toMillis());
                cfg.setAutoCommit(false);
                cfg.setInitializationFailTimeout(1);
                IsolationLevel iso = options.isolationLevel();
                if (iso == IsolationLevel.AUTOCOMMIT) {
                    cfg.setAutoCommit(true);
                } else if (iso != null) {
                    cfg.setTransactionIsolation("TRANSACTION_" + iso.name());
                }
                try {
                    ds = new HikariDataSource(cfg);
                } catch (HikariPool.PoolInitializationException e) {
                    if (e.getCause() instanceof SQLException se) {
                        throw se;
                    }
                    throw new SQLException(String.valueOf(e.getMessage()), "08001", e);
                }
            }
            return ds;
        }
    }

    @Override
    public java.sql.Connection checkout() throws SQLException {
        try {
            if (!gate.enter()) {
                throw new SQLTransientConnectionException(poolName + " - Connection is not available, request timed out after "
                        + options.poolTimeout().toMillis() + "ms.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException(poolName + " - Interrupted during connection acquisition", e);
        }
        java.sql.Connection raw;
        try {
            raw = dataSource().getConnection();
        } catch (SQLException | RuntimeException | Error e) {
            gate.leave();
            throw e;
        }
        held.add(raw);
        return raw;
    }

    private void release(java.sql.Connection raw) {
        if (held.remove(raw)) {
            gate.leave();
        }
    }

    @Override
    public void checkin(java.sql.Connection raw) throws SQLException {
        try {
            raw.close();
        } finally {
            release(raw);
        }
    }

    @Override
    public void invalidate(java.sql.Connection raw) {
        try {
            HikariDataSource d = ds;
            if (d != null) {
                d.evictConnection(raw);
            }
        } finally {
            release(raw);
        }
    }

    @Override
    public void invalidateAll() {
        HikariDataSource d = ds;
        if (d != null && d.getHikariPoolMXBean() != null) {
            d.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Override
    public synchronized void dispose() {
        HikariDataSource d = ds;
        ds = null;
        disposed = true;
        if (d != null) {
            d.close();
        }
    }

    @Override
    public PoolStatus status() {
        HikariDataSource d = ds;
        if (d == null || d.getHikariPoolMXBean() == null) {
            return new PoolStatus(options.poolSize(), options.maxOverflow(), 0, 0, 0, 0);
        }
        var mx = d.getHikariPoolMXBean();
        return new PoolStatus(options.poolSize(), options.maxOverflow(), mx.getTotalConnections(),
                mx.getActiveConnections(), mx.getIdleConnections(),
                mx.getThreadsAwaitingConnection() + gate.waiting());
    }
}
