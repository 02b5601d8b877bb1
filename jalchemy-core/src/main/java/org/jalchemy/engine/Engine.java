package org.jalchemy.engine;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.dialect.sqlite.SqliteDialect;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.ErrorKind;
import org.jalchemy.exc.JalchemyException;
import org.jalchemy.exc.TimeoutError;
import org.jalchemy.sql.Compiled;
import org.jalchemy.sql.Executable;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The starting point: a database URL, its dialect and a pool of connections (SQLAlchemy's
 * {@code Engine}). Create one per database per application with
 * {@code Jalchemy.createEngine(url, options)}; it is thread-safe and meant to be shared.
 *
 * <p>Connections: {@link #connect()} checks one out (autobegin: the first statement begins a
 * transaction; {@code commit()} ends it; closing without commit rolls back). {@link #begin()}
 * returns a connection with a transaction already begun, for try-with-resources plus an explicit
 * {@code commit()}. {@link #transaction(Function)} / {@link #inTransaction(Consumer)} commit when the
 * work returns and roll back when it throws.
 *
 * <p>{@link #dispose()} closes every pooled connection; the engine stays usable and opens a new
 * pool on next use (as in SQLAlchemy).
 *
 * <p><b>Stale connections</b> (SQLAlchemy's pool invalidation): when a statement or a pre-ping
 * finds a connection lost, the server has probably restarted or failed over, and every pooled
 * connection opened before that moment is probably dead too. The engine records the moment; a
 * checkout discards (without pinging) any connection opened earlier, so a restart costs at most
 * the statements already in flight. With {@code prePing}, every connection handed out has passed
 * a ping or was opened during that very checkout; a failed ping invalidates the pool the same
 * way. A checkout makes at most {@code poolSize + maxOverflow + 2} attempts.
 */
public final class Engine implements AutoCloseable {
    private final URL url;
    private final Dialect dialect;
    private final EngineOptions options;
    private volatile boolean echo;
    private final ConnectionPool pool;
    private final EngineEvents events = new EngineEvents();
    private final CompiledCache compiledCache;
    private final StatementCache.Registry statementCaches = new StatementCache.Registry();
    private volatile boolean initialized;
    /** {@code System.nanoTime()} of the last pool invalidation; valid when {@link #poolInvalidated}. */
    private volatile long poolInvalidatedAt;
    private volatile boolean poolInvalidated;
    /** The socket read timeout jalchemy keeps on each connection (ms, 0 none); -1 when the URL set its own. */
    private final int networkTimeoutMillis;
    /** Set once the first connection told whether the server times every statement of a session itself. */
    private volatile boolean serverTimesStatements;
    /** The BEGIN mode to start each transaction with, or null for the database's default. */
    final String beginMode;
    /** statementTimeout to apply per statement (ms), 0 when none or when the server applies it. */
    private volatile long perStatementTimeoutMillis;
    /** slowQueryThreshold in ns, 0 when off. */
    private final long slowQueryNanos;

    Engine(URL url, Dialect dialect, EngineOptions options) {
        this(url, dialect, options, null);
    }

    /** {@code external}: the application's DataSource to take connections from instead of a pool of our own, or null. */
    Engine(URL url, Dialect dialect, EngineOptions options, javax.sql.DataSource external) {
        this.url = url;
        this.dialect = dialect;
        this.options = options;
        this.echo = options.echo();
        this.compiledCache = new CompiledCache(options.compiledCacheSize());
        Dialect.ConnectSpec base = dialect.connectSpec(url);
        var props = new java.util.Properties();
        options.connectArgs().forEach(props::setProperty);
        props.putAll(base.properties());
        boolean ownSocketTimeout = props.containsKey("socketTimeout");
        dialect.applyConnectTimeout(props, options.connectTimeout());
        dialect.applyTransactionMode(props, options.transactionMode() == null ? null : options.transactionMode().name());
        this.beginMode = options.transactionMode() == null || options.transactionMode() == TransactionMode.DEFERRED ? null
                : options.transactionMode().name();
        this.networkTimeoutMillis = ownSocketTimeout || !dialect.usesNetwork() ? -1
                : options.statementTimeout() == null ? 0
                : (int) Math.min(Integer.MAX_VALUE, options.statementTimeout().toMillis() + options.connectTimeout().toMillis());
        this.perStatementTimeoutMillis = options.statementTimeout() == null ? 0 : options.statementTimeout().toMillis();
        this.slowQueryNanos = options.slowQueryThreshold() == null ? 0 : options.slowQueryThreshold().toNanos();
        Dialect.ConnectSpec spec = new Dialect.ConnectSpec(base.driverClassName(), base.jdbcUrl(), props);
        if (external != null) {
            this.pool = new DataSourcePool(external, dialect, raw -> onRawConnect(raw, PoolKind.QUEUE), options.isolationLevel());
            return;
        }
        PoolKind kind = options.poolKind();
        if (kind == null) {
            kind = dialect instanceof SqliteDialect && SqliteDialect.isMemory(url) ? PoolKind.STATIC : PoolKind.QUEUE;
        }
        final PoolKind chosen = kind;
        RawConnector connector = new RawConnector(dialect, spec, raw -> onRawConnect(raw, chosen),
                options.connectTimeout());
        this.pool = switch (kind) {
            case QUEUE -> new QueuePool(options, connector, dialect.name());
            case STATIC -> new StaticPool(connector);
            case NULL -> new NullPool(connector);
        };
    }

    /** Creates an engine; see {@link org.jalchemy.Jalchemy#createEngine(String, EngineOptions)}. */
    public static Engine create(String url, EngineOptions options) {
        return create(url, null, options);
    }

    /**
     * Creates an engine on the application's {@code dataSource} (a framework's pool) instead of a
     * pool of its own; see {@link org.jalchemy.Jalchemy#createEngine(String, javax.sql.DataSource, EngineOptions)}.
     * Null {@code dataSource}: the engine's own pool.
     */
    public static Engine create(String url, javax.sql.DataSource dataSource, EngineOptions options) {
        URL parsed = URL.parse(url);
        Dialect dialect;
        try {
            dialect = Dialects.get(parsed.backend());
        } catch (org.jalchemy.exc.NoSuchModuleError e) {
            throw new org.jalchemy.exc.NoSuchModuleError("Unknown database in URL '" + parsed + "': " + e.getMessage()
                    + " Check the scheme at the start of the URL.", e);
        }
        return new Engine(parsed, dialect, options, dataSource);
    }

    /** The application's DataSource this engine takes connections from, or null when it pools its own. */
    public javax.sql.DataSource externalDataSource() {
        return pool instanceof DataSourcePool p ? p.dataSource() : null;
    }

    private void onRawConnect(java.sql.Connection raw, PoolKind kind) {
        statementCaches.register(raw);
        try {
            if (!initialized) {
                synchronized (this) {
                    if (!initialized) {
                        dialect.initialize(raw);
                        initialized = true;
                    }
                }
            }
            if (options.statementTimeout() != null) {
                boolean byServer = dialect.applySessionStatementTimeout(raw, options.statementTimeout());
                serverTimesStatements = byServer; // the same answer for every connection of one server
                perStatementTimeoutMillis = byServer ? 0 : options.statementTimeout().toMillis();
            }
            if (options.lockTimeout() != null) {
                dialect.applyLockTimeout(raw, options.lockTimeout());
            }
            if (networkTimeoutMillis >= 0) {
                dialect.setNetworkTimeout(raw, networkTimeoutMillis); // also ends the login-time socket timeout
            }
            if (kind != PoolKind.QUEUE) {
                IsolationLevel iso = options.isolationLevel();
                raw.setAutoCommit(iso == IsolationLevel.AUTOCOMMIT);
                if (iso != null && iso != IsolationLevel.AUTOCOMMIT) {
                    raw.setTransactionIsolation(iso.jdbcLevel());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (EngineListener l : events.all()) {
            l.connect(raw);
        }
    }

    public URL url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    public EngineOptions options() {
        return options;
    }

    /** Whether statements are echoed now: {@code echo} of the options unless changed by {@link #echo(boolean)}. */
    public boolean echo() {
        return echo;
    }

    /**
     * Turns echo on or off for every connection of this engine from the next statement on
     * (SQLAlchemy's {@code engine.echo = False}), e.g. around set-up steps whose SQL the reader has
     * already seen. A volatile flag: one read per statement.
     */
    public void echo(boolean on) {
        this.echo = on;
    }

    /** Listener registry: {@code engine.events().listen(...)}. */
    public EngineEvents events() {
        return events;
    }

    /** The compiled-statement cache, with hit/miss statistics. */
    public CompiledCache compiledCache() {
        return compiledCache;
    }

    /** Pool counters now. */
    public PoolStatus poolStatus() {
        return pool.status();
    }

    /** Checks out a connection. Close it (try-with-resources); it is rolled back on return to the pool. */
    public Connection connect() {
        Checkout out;
        try {
            out = checkout();
        } catch (RuntimeException e) {
            for (EngineListener l : events.all()) {
                l.checkoutFailed(e);
            }
            throw e;
        }
        Connection c = new Connection(this, out.raw(), out.statements());
        if (options.leakDetectionThreshold() != null) {
            c.leakWatch = LeakDetector.watch(url.toString(), options.leakDetectionThreshold().toMillis());
        }
        for (EngineListener l : events.all()) {
            l.checkout(c);
        }
        return c;
    }

    /** A connection with a transaction begun: call {@code commit()} before closing, or it rolls back. */
    public Connection begin() {
        Connection c = connect();
        try {
            c.begin();
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Runs {@code work} in a transaction: commits when it returns, rolls back when it throws. */
    public <R> R transaction(Function<? super Connection, R> work) {
        try (Connection c = connect()) {
            c.begin();
            R r;
            try {
                r = work.apply(c);
            } catch (RuntimeException | Error e) {
                c.rollbackQuietly(e);
                throw e;
            }
            c.commit();
            return r;
        }
    }

    /** {@link #transaction(Function)} for work that returns nothing. */
    public void inTransaction(Consumer<? super Connection> work) {
        transaction(c -> {
            work.accept(c);
            return null;
        });
    }

    /**
     * {@link #transaction(Function)} that runs the whole transaction again, on a fresh connection,
     * when it fails with an error {@link RetryPolicy#defaults()} retries (serialization failure,
     * deadlock, connection lost before COMMIT, ...); see {@link RetryPolicy} for what is and is not
     * retried and what the work must promise.
     */
    public <R> R runTransaction(Function<? super Connection, R> work) {
        return runTransaction(work, RetryPolicy.defaults());
    }

    /** {@link #runTransaction(Function)} with its own policy (attempts, backoff, idempotence, listener). */
    public <R> R runTransaction(Function<? super Connection, R> work, RetryPolicy policy) {
        return policy.execute(attempt -> transaction(work));
    }

    /** {@link #runTransaction(Function, RetryPolicy)} for work that returns nothing. */
    public void runInTransaction(Consumer<? super Connection> work, RetryPolicy policy) {
        runTransaction(c -> {
            work.accept(c);
            return null;
        }, policy);
    }

    /** Closes all pooled connections; later use opens a fresh pool. */
    public void dispose() {
        pool.dispose();
        statementCaches.clear();
    }

    /** The statement cache of the physical connection behind {@code raw} (a pool proxy or the connection itself). */
    StatementCache statementCacheFor(java.sql.Connection raw) {
        try {
            java.sql.Connection physical = raw.isWrapperFor(java.sql.Connection.class)
                    ? raw.unwrap(java.sql.Connection.class) : raw;
            return statementCaches.forConnection(physical);
        } catch (SQLException e) {
            return null; // a driver that cannot unwrap: prepare per execution
        }
    }

    /** Same as {@link #dispose()}, for try-with-resources. */
    @Override
    public void close() {
        dispose();
    }

    // ------------------------------------------------------------------ internals for Connection

    /** A raw connection and its statement cache, as handed to a {@link Connection}. */
    record Checkout(java.sql.Connection raw, StatementCache statements) {
    }

    /**
     * Checks a connection out of the pool that is not older than the last pool invalidation and,
     * with prePing, answers a ping (or was opened by this very checkout); see the class comment.
     */
    Checkout checkout() {
        long start = System.nanoTime();
        int attempts = options.poolSize() + options.maxOverflow() + 2;
        for (int attempt = 1; ; attempt++) {
            java.sql.Connection raw = checkoutRaw();
            StatementCache statements = statementCacheFor(raw);
            long opened = statements == null ? StatementCache.UNKNOWN : statements.connectedNanos();
            boolean known = opened != StatementCache.UNKNOWN;
            if (poolInvalidated && (!known || opened - poolInvalidatedAt < 0)) {
                pool.invalidate(raw); // opened before the server was found gone: stale, no ping needed
            } else if (options.prePing() && !(known && opened - start >= 0) && !ping(raw)) {
                invalidatePool("a pooled connection failed the pre-ping");
                pool.invalidate(raw);
            } else {
                return new Checkout(raw, statements);
            }
            if (attempt >= attempts) {
                throw connectError(new SQLException("no live connection after " + attempt + " checkouts: each one was"
                        + " dead or opened before the server was last found gone", "08001"));
            }
        }
    }

    /**
     * Marks every connection opened until now as stale (SQLAlchemy's pool invalidation): checkouts
     * discard them, and the pool closes its idle ones. Called when a connection is found lost.
     */
    void invalidatePool(String reason) {
        long now = System.nanoTime();
        boolean quiet = poolInvalidated && now - poolInvalidatedAt < 1_000_000_000L; // one line per burst
        poolInvalidatedAt = now;
        poolInvalidated = true;
        pool.invalidateAll();
        if (!quiet) {
            PoolLog.info("Disconnection detected (" + reason + "): every connection of " + url
                    + " opened before now is discarded when it is checked out or returned");
        }
    }

    java.sql.Connection checkoutRaw() {
        try {
            return pool.checkout();
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() == null && e.getNextException() == null) {
                PoolStatus s = pool.status();
                throw new TimeoutError("Pool limit of size " + options.poolSize() + " overflow " + options.maxOverflow()
                        + " reached for " + url + ": no connection became free within "
                        + options.poolTimeout().toMillis() + " ms (" + s + "). Close connections and sessions promptly"
                        + " (try-with-resources), or raise poolSize / maxOverflow / poolTimeout.", e);
            }
            throw connectError(e.getCause() instanceof SQLException se ? se : e);
        } catch (SQLException e) {
            throw connectError(e);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException se) {
                throw connectError(se);
            }
            throw e;
        }
    }

    private boolean ping(java.sql.Connection raw) {
        try {
            long ms = Math.min(options.connectTimeout().toMillis(), options.poolTimeout().toMillis());
            return raw.isValid((int) Math.max(1, (ms + 999) / 1000));
        } catch (SQLException e) {
            return false;
        }
    }

    /** slowQueryThreshold in nanoseconds; 0 when off. */
    long slowQueryNanos() {
        return slowQueryNanos;
    }

    /** The engine's statementTimeout in ms when jalchemy must apply it per statement; 0 otherwise. */
    long perStatementTimeoutMillis() {
        return perStatementTimeoutMillis;
    }

    /** The socket read timeout connections keep (ms, 0 none), or -1 when the URL manages its own. */
    int networkTimeoutMillis() {
        return networkTimeoutMillis;
    }

    /** True when the server enforces the engine's statementTimeout for each session (known after the first connect). */
    boolean serverTimesStatements() {
        return serverTimesStatements;
    }

    private JalchemyException connectError(SQLException e) {
        ErrorKind kind = dialect.classify(e);
        if (kind != ErrorKind.INTERFACE && kind != ErrorKind.PROGRAMMING) {
            kind = ErrorKind.OPERATIONAL;
        }
        String hint = hintFor(e);
        String msg = "(" + kind.displayName() + ") Could not connect to " + url + ": " + e.getMessage()
                + (e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : "") + hint;
        // nothing ran: a server that is down, restarting or unreachable may be back on a later attempt
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean retryable = kind == ErrorKind.OPERATIONAL && (state.startsWith("08") || dialect.isDisconnect(e));
        return kind.create(new DBAPIError.Details(msg, e, null, null, false, retryable));
    }

    private String hintFor(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (state.startsWith("28") || m.contains("access denied") || m.contains("password authentication")
                || m.contains("role") && m.contains("does not exist")) {
            return ". Check the user name and password in the URL.";
        }
        if (state.startsWith("08") || m.contains("connection refused") || m.contains("could not connect")
                || m.contains("socket") || m.contains("unknownhost") || m.contains("connect")) {
            return ". Check that the server is running and reachable at the URL's host and port.";
        }
        if (state.equals("3D000") || m.contains("unknown database") || m.contains("database") && m.contains("does not exist")) {
            return ". Check the database name in the URL, or create the database.";
        }
        return ".";
    }

    void invalidate(java.sql.Connection raw) {
        pool.invalidate(raw);
    }

    void checkin(java.sql.Connection raw) throws SQLException {
        pool.checkin(raw);
    }

    /** Looks up or compiles {@code stmt} for this engine's dialect. */
    /**
     * The statement compiled for this engine's dialect, as {@code execute} would run it: taken from
     * the compiled cache when a statement of the same shape was compiled before (only the
     * structural cache key is computed), else compiled and cached. For reading the exact SQL and
     * bind slots, or for measuring what the cache saves; executing does this by itself.
     */
    public Compiled compile(Executable statement) {
        return compiled(statement, new boolean[1]).compiled();
    }

    CompiledCache.Entry compiled(Executable stmt, boolean[] hit) {
        return compiled(stmt, stmt.cacheKey(), hit);
    }

    /** As {@link #compiled(Executable, boolean[])} with the statement's cache key already computed. */
    CompiledCache.Entry compiled(Executable stmt, Object key, boolean[] hit) {
        CompiledCache.Entry e = compiledCache.get(key);
        if (e != null) {
            hit[0] = true;
            return e;
        }
        hit[0] = false;
        Compiled c = stmt.compile(dialect);
        return compiledCache.put(key, c);
    }

    @Override
    public String toString() {
        return "Engine(" + url + ")";
    }
}
