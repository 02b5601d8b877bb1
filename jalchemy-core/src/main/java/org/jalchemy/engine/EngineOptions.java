package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@code createEngine}: SQLAlchemy's {@code create_engine} keywords under Java names.
 *
 * <h2>Pool sizing, and how it maps onto HikariCP</h2>
 * SQLAlchemy's QueuePool keeps {@code pool_size} connections and opens up to {@code max_overflow}
 * more under load, closing those extra ones when they are returned. HikariCP has a maximum and a
 * minimum-idle count instead, so jalchemy sets {@code maximumPoolSize = poolSize + maxOverflow}
 * (the hard cap: never more connections than that), {@code minimumIdle = poolSize} (the
 * connections kept), and {@code idleTimeout = overflowIdleTimeout} (default 10 s, Hikari's floor):
 * connections above {@code poolSize} are closed once idle that long. {@code poolTimeout} becomes
 * {@code connectionTimeout}: a checkout that waits longer raises
 * {@link org.jalchemy.exc.TimeoutError}. {@code recycle} becomes {@code maxLifetime} (Hikari's floor
 * is 30 s; {@code Duration.ZERO} means never). With {@code prePing} every connection handed out has
 * passed a ping or was opened by that very checkout (Hikari itself only re-validates connections
 * idle for more than 500 ms); dead ones are replaced transparently, and a failed ping invalidates
 * the pool's older connections as a lost connection does (see {@link Engine}).
 *
 * <h2>Timeouts: nothing waits forever</h2>
 * {@code connectTimeout} (default: {@code poolTimeout}) bounds opening one connection — TCP
 * connect, TLS and login — through each driver's own options (pgjdbc {@code loginTimeout},
 * {@code connectTimeout} and a login-time {@code socketTimeout}; mariadb-java-client
 * {@code connectTimeout}, which also bounds its handshake), so a server that accepts connections
 * and never answers fails the checkout instead of hanging it. {@code statementTimeout} (default:
 * none) bounds each statement: the server cancels it (PostgreSQL {@code statement_timeout},
 * MariaDB {@code max_statement_time}; elsewhere JDBC {@code setQueryTimeout}, or SQLite's
 * progress handler), and the driver's socket read timeout is set to
 * {@code statementTimeout + connectTimeout}, so a server that stops answering mid-statement costs
 * that long and an {@code OperationalError}, never a hung thread. A {@code Connection} can
 * override it for the statements it runs ({@link Connection#timeout}). {@code lockTimeout}
 * (default: the database's) bounds waiting for a lock another transaction holds: SQLite's busy
 * timeout (jalchemy's default 5 s), PostgreSQL {@code lock_timeout}, MariaDB
 * {@code innodb_lock_wait_timeout} (whole seconds).
 *
 * <p>{@code transactionMode} is SQLite's {@code BEGIN} mode ({@link TransactionMode}).
 * {@code leakDetectionThreshold} (default off) logs a WARN naming the call site that checked out a
 * connection still not returned after that long. {@code slowQueryThreshold} (default off) logs a
 * WARN on {@code jalchemy.engine.slow} for each statement that ran at least that long.
 *
 * <p>Instances are immutable; build them with {@link #builder()}.
 */
public record EngineOptions(boolean echo, boolean hideParameters, int poolSize, int maxOverflow,
                            Duration poolTimeout, boolean prePing, Duration recycle,
                            Duration overflowIdleTimeout, IsolationLevel isolationLevel, PoolKind poolKind,
                            Map<String, String> connectArgs, int compiledCacheSize, Duration connectTimeout,
                            Duration statementTimeout, Duration lockTimeout, TransactionMode transactionMode,
                            Duration leakDetectionThreshold, Duration slowQueryThreshold) {

    public EngineOptions {
        if (poolSize < 0) {
            throw new ArgumentError("poolSize must be >= 0, got " + poolSize);
        }
        if (maxOverflow < 0) {
            throw new ArgumentError("maxOverflow must be >= 0, got " + maxOverflow
                    + " (an unbounded overflow, SQLAlchemy's -1, is not supported: HikariCP needs a maximum)");
        }
        if (poolSize + maxOverflow < 1) {
            throw new ArgumentError("poolSize + maxOverflow must allow at least one connection");
        }
        if (poolTimeout.toMillis() < 250) {
            throw new ArgumentError("poolTimeout must be at least 250 ms (HikariCP's floor), got " + poolTimeout);
        }
        if (!recycle.isZero() && recycle.toMillis() < 30_000) {
            throw new ArgumentError("recycle must be at least 30 s (HikariCP's floor) or Duration.ZERO for never, got "
                    + recycle);
        }
        if (overflowIdleTimeout.toMillis() < 10_000) {
            throw new ArgumentError("overflowIdleTimeout must be at least 10 s (HikariCP's floor)");
        }
        if (compiledCacheSize < 0) {
            throw new ArgumentError("compiledCacheSize must be >= 0");
        }
        if (connectTimeout == null) {
            connectTimeout = poolTimeout;
        }
        if (connectTimeout.toMillis() < 100) {
            throw new ArgumentError("connectTimeout must be at least 100 ms, got " + connectTimeout);
        }
        if (statementTimeout != null && (statementTimeout.isZero() || statementTimeout.isNegative())) {
            statementTimeout = null;
        }
        if (statementTimeout != null && statementTimeout.toMillis() < 1) {
            throw new ArgumentError("statementTimeout must be at least 1 ms (or null for none), got " + statementTimeout);
        }
        if (lockTimeout != null && lockTimeout.isNegative()) {
            throw new ArgumentError("lockTimeout must not be negative, got " + lockTimeout);
        }
        if (leakDetectionThreshold != null && (leakDetectionThreshold.isZero() || leakDetectionThreshold.isNegative())) {
            leakDetectionThreshold = null;
        }
        if (leakDetectionThreshold != null && leakDetectionThreshold.toMillis() < 100) {
            throw new ArgumentError("leakDetectionThreshold must be at least 100 ms (or null for off), got "
                    + leakDetectionThreshold);
        }
        if (slowQueryThreshold != null && (slowQueryThreshold.isZero() || slowQueryThreshold.isNegative())) {
            slowQueryThreshold = null;
        }
        connectArgs = Map.copyOf(connectArgs);
    }

    /** Defaults: poolSize 5, maxOverflow 10, poolTimeout 30 s, recycle 30 min, no echo, cache 500. */
    public static EngineOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.echo = echo;
        b.hideParameters = hideParameters;
        b.poolSize = poolSize;
        b.maxOverflow = maxOverflow;
        b.poolTimeout = poolTimeout;
        b.prePing = prePing;
        b.recycle = recycle;
        b.overflowIdleTimeout = overflowIdleTimeout;
        b.isolationLevel = isolationLevel;
        b.poolKind = poolKind;
        b.connectArgs.putAll(connectArgs);
        b.compiledCacheSize = compiledCacheSize;
        b.connectTimeout = connectTimeout.equals(poolTimeout) ? null : connectTimeout;
        b.statementTimeout = statementTimeout;
        b.lockTimeout = lockTimeout;
        b.transactionMode = transactionMode;
        b.leakDetectionThreshold = leakDetectionThreshold;
        b.slowQueryThreshold = slowQueryThreshold;
        return b;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private boolean echo;
        private boolean hideParameters;
        private int poolSize = 5;
        private int maxOverflow = 10;
        private Duration poolTimeout = Duration.ofSeconds(30);
        private boolean prePing;
        private Duration recycle = Duration.ofMinutes(30);
        private Duration overflowIdleTimeout = Duration.ofSeconds(10);
        private IsolationLevel isolationLevel;
        private PoolKind poolKind;
        private final Map<String, String> connectArgs = new LinkedHashMap<>();
        private int compiledCacheSize = 500;
        private Duration connectTimeout;
        private Duration statementTimeout;
        private Duration lockTimeout;
        private TransactionMode transactionMode;
        private Duration leakDetectionThreshold;
        private Duration slowQueryThreshold;

        /** Log every statement, its parameters and transaction boundaries on logger {@code jalchemy.engine} at INFO. */
        public Builder echo(boolean v) {
            echo = v;
            return this;
        }

        /** Keep parameter values out of logs and exception messages. */
        public Builder hideParameters(boolean v) {
            hideParameters = v;
            return this;
        }

        public Builder poolSize(int v) {
            poolSize = v;
            return this;
        }

        public Builder maxOverflow(int v) {
            maxOverflow = v;
            return this;
        }

        /** How long a checkout waits for a free connection before {@link org.jalchemy.exc.TimeoutError}; default 30 s. */
        public Builder poolTimeout(Duration v) {
            poolTimeout = v;
            return this;
        }

        public Builder prePing(boolean v) {
            prePing = v;
            return this;
        }

        public Builder recycle(Duration v) {
            recycle = v;
            return this;
        }

        public Builder overflowIdleTimeout(Duration v) {
            overflowIdleTimeout = v;
            return this;
        }

        public Builder isolationLevel(IsolationLevel v) {
            isolationLevel = v;
            return this;
        }

        public Builder poolKind(PoolKind v) {
            poolKind = v;
            return this;
        }

        /** An extra driver property (SQLAlchemy's {@code connect_args}); URL query options win. */
        public Builder connectArg(String key, String value) {
            connectArgs.put(key, value);
            return this;
        }

        /** Size of the compiled-statement cache (SQLAlchemy's {@code query_cache_size}); 0 disables it. */
        public Builder compiledCacheSize(int v) {
            compiledCacheSize = v;
            return this;
        }

        /**
         * The longest opening one connection may take (TCP connect, TLS, login); default
         * {@code poolTimeout}. Mapped to each driver's options; see the class comment.
         */
        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        /**
         * The longest one statement may run (default: no limit). Enforced by the server where it
         * can (PostgreSQL, MariaDB), and backed by a socket read timeout of
         * {@code statementTimeout + connectTimeout} against a server that stops answering.
         */
        public Builder statementTimeout(Duration v) {
            statementTimeout = v;
            return this;
        }

        /**
         * The longest a statement waits for a lock held by another transaction (SQLite's busy
         * timeout, PostgreSQL {@code lock_timeout}, MariaDB {@code innodb_lock_wait_timeout});
         * default: the database's (SQLite: 5 s).
         */
        public Builder lockTimeout(Duration v) {
            lockTimeout = v;
            return this;
        }

        /** SQLite's {@code BEGIN} mode; {@link TransactionMode#IMMEDIATE} makes concurrent writers queue. */
        public Builder transactionMode(TransactionMode v) {
            transactionMode = v;
            return this;
        }

        /**
         * Log a WARN (logger {@code jalchemy.pool}) naming the call site of a connection checked
         * out for longer than this (a leak: a Connection or Session never closed); default off.
         * Costs a stack trace per checkout while on.
         */
        public Builder leakDetectionThreshold(Duration v) {
            leakDetectionThreshold = v;
            return this;
        }

        /**
         * Log a WARN (logger {@code jalchemy.engine.slow}) for every statement whose execution takes at
         * least this long: the SQL, the duration, the parameters (masked under {@code hideParameters})
         * and the application call site (first stack frame outside jalchemy); default off. Costs one
         * clock read per statement while on, and a stack walk per slow statement.
         */
        public Builder slowQueryThreshold(Duration v) {
            slowQueryThreshold = v;
            return this;
        }

        public EngineOptions build() {
            return new EngineOptions(echo, hideParameters, poolSize, maxOverflow, poolTimeout, prePing, recycle,
                    overflowIdleTimeout, isolationLevel, poolKind, connectArgs, compiledCacheSize, connectTimeout,
                    statementTimeout, lockTimeout, transactionMode, leakDetectionThreshold, slowQueryThreshold);
        }
    }
}
