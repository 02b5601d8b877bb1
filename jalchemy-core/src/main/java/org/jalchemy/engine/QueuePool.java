package org.jalchemy.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private static final boolean UNTIMED = System.getProperty("jalchemy.pool.gate", "").equals("untimed");

    private final EngineOptions options;
    private final RawConnector connector;
    private final String poolName;
    private volatile HikariDataSource ds;
    private volatile boolean disposed;
    /** Admission gate: one permit per connection the pool may hand out, FIFO; null when off. */
    private final Semaphore gate;
    /** The connections handed out through the gate (each gives its permit back once). */
    private final Set<java.sql.Connection> held = ConcurrentHashMap.newKeySet();

    QueuePool(EngineOptions options, RawConnector connector, String label) {
        this.options = options;
        this.connector = connector;
        this.poolName = "jalchemy-" + SEQ.incrementAndGet() + "-" + label;
        this.gate = !System.getProperty("jalchemy.pool.gate", "true").equals("false")
                ? new Semaphore(options.poolSize() + options.maxOverflow(), true) : null;
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
        if (gate == null) {
            return dataSource().getConnection();
        }
        long timeout = options.poolTimeout().toNanos();
        try {
            if (UNTIMED) {
                gate.acquire();
            } else if (!gate.tryAcquire() && !gate.tryAcquire(timeout, TimeUnit.NANOSECONDS)) {
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
            gate.release();
            throw e;
        }
        held.add(raw);
        return raw;
    }

    private void release(java.sql.Connection raw) {
        if (gate != null && held.remove(raw)) {
            gate.release();
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
                mx.getThreadsAwaitingConnection() + (gate == null ? 0 : gate.getQueueLength()));
    }
}
