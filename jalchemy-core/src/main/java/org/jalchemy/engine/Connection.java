package org.jalchemy.engine;

import org.jalchemy.exc.CommitOutcomeUnknownError;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.ErrorKind;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.PendingRollbackError;
import org.jalchemy.exc.ResourceClosedError;
import org.jalchemy.sql.Compiled;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Row1;
import org.jalchemy.sql.Select;
import org.jalchemy.types.SqlType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A connection checked out of an {@link Engine}'s pool (SQLAlchemy 2.0's {@code Connection}).
 *
 * <p>Transactions autobegin: the first statement starts one; {@link #commit()} or
 * {@link #rollback()} ends it; {@link #begin()} starts one explicitly and returns its handle;
 * {@link #beginNested()} sets a SAVEPOINT. {@link #close()} rolls back whatever is still open and
 * returns the connection to the pool (reset on return), so uncommitted work is never kept.
 *
 * <p>Raw SQL runs only through {@code text("...")} with named bind parameters; everything else is
 * an expression-language statement. Not thread-safe: one thread at a time — except
 * {@link #cancel()}, which any thread may call while another one works on the connection.
 *
 * <p><b>Cancellation:</b> {@link #cancel()} cancels the statement running (or streaming its rows)
 * through JDBC's {@code Statement.cancel} and dooms the transaction: until {@link #rollback()}
 * every statement and {@link #commit()} raise {@link org.jalchemy.exc.OperationalError}, so work
 * that was cancelled is never committed half-done. A statement that starts at the very instant
 * of the cancel may run to its end, but its outcome is discarded the same way.
 *
 * <p><b>Lost connections</b> (SQLAlchemy's invalidation): the statement that meets a dead
 * database connection raises an {@code OperationalError} with {@code connectionInvalidated()}
 * true, and the database connection is discarded. Inside a transaction, further statements and
 * {@code commit()} raise {@link PendingRollbackError} until {@link #rollback()}, which then
 * succeeds without talking to the server (the server rolled the transaction back when the
 * connection went); a ROLLBACK that itself finds the connection dead succeeds quietly too. The
 * next statement checks a fresh database connection out of the pool: the object stays usable. A
 * COMMIT cut off by a lost connection raises {@link CommitOutcomeUnknownError}, since it may have
 * been committed.
 */
public final class Connection implements AutoCloseable {
    private final Engine engine;
    private java.sql.Connection raw;
    private boolean closed;
    /** The database connection was discarded; the next use reconnects (after a rollback when a transaction was open). */
    private boolean invalidated;
    /** The error that invalidated the connection, for PendingRollbackError's cause. */
    private RuntimeException invalidation;
    /** Inside {@link #autocommit}: statements commit by themselves, so a lost one has an unknown outcome. */
    private int autocommitDepth;
    /** Set by the engine when leakDetectionThreshold is on; told when the connection is closed. */
    LeakDetector.Watch leakWatch;
    /** {@link #timeout} changed the socket read timeout of the current database connection. */
    private boolean networkTimeoutChanged;
    private RootTransaction root;
    /** False only while nothing can have run since this connection itself ended its transaction. */
    private boolean resetOnReturn = true;
    /** Set once {@link #jdbc()} handed out the raw connection: work may then run unseen, always reset. */
    private boolean rawExposed;
    private final Deque<NestedTransaction> nested = new ArrayDeque<>();
    private final List<Result> openResults = new ArrayList<>(2);
    private int savepointSeq;
    /** Set by {@link #cancel()} (any thread); cleared by {@link #rollback()}. */
    private volatile boolean cancelled;
    /** The statement executing or streaming its rows now, for {@link #cancel()}; null between statements. */
    private volatile java.sql.Statement active;

    private StatementCache statements;
    /** Tables written in the current transaction, tracked only while listeners are registered (null: none yet). */
    private java.util.Set<String> writtenTables;
    private boolean writtenUnknown;
    /** Timeout jalchemy applies to each statement itself (ms; 0 none): {@link #timeout}'s, or the engine's when the server does not. */
    private long statementTimeoutMillis;
    /** The dialect's {@link org.jalchemy.dialect.Dialect#drainFetchSize()}, read once. */
    private final int drainFetchSize;
    /**
     * The last statement object this connection compiled and its cache entry: executing the same
     * (immutable) statement again, the common loop, reuses the compiled SQL and bind slots without
     * computing the structural cache key or looking it up (see {@link #compiled}).
     */
    private Executable lastStatement;
    private CompiledCache.Entry lastCompiled;
    /** One-entry memo of {@link #shapeOf}: the compiled statement whose result shape is {@link #lastShape}. */
    private Compiled lastShaped;
    private Result.Shape lastShape;
    /** {@link #timeout}'s value in ms, or -1 for the engine's statementTimeout. */
    private long timeoutOverrideMillis = -1;

    Connection(Engine engine, java.sql.Connection raw, StatementCache statements) {
        this.engine = engine;
        this.raw = raw;
        this.statements = statements;
        this.statementTimeoutMillis = engine.perStatementTimeoutMillis();
        this.drainFetchSize = engine.dialect().drainFetchSize();
    }

    public Engine engine() {
        return engine;
    }

    public org.jalchemy.dialect.Dialect dialect() {
        return engine.dialect();
    }

    /** The underlying JDBC connection, for what jalchemy does not cover. Do not close it yourself. */
    public java.sql.Connection jdbc() {
        ensureOpen();
        rawExposed = true;
        return raw;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * True after the database connection was found lost (or {@link #invalidate()} was called) and
     * discarded, until the next statement reconnects.
     */
    public boolean isInvalidated() {
        return invalidated;
    }

    /**
     * The longest each following statement on this connection may run (SQLAlchemy's per-connection
     * execution options): {@code Duration.ZERO} for no limit, {@code null} to go back to the
     * engine's {@code statementTimeout}. Drivers count it in whole seconds (rounded up), SQLite in
     * milliseconds; the socket read timeout becomes {@code timeout + connectTimeout}, so a server
     * that stops answering fails the statement too. Where the server enforces the engine's
     * statementTimeout for the whole session (PostgreSQL, MariaDB) this can only shorten it.
     * Lasts until changed or until the connection is closed.
     */
    public Connection timeout(java.time.Duration timeout) {
        ensureOpen();
        EngineOptions o = engine.options();
        long engineMillis = o.statementTimeout() == null ? 0 : o.statementTimeout().toMillis();
        if (timeout != null && timeout.isNegative()) {
            throw new org.jalchemy.exc.ArgumentError("timeout must not be negative, got " + timeout);
        }
        if (timeout != null && engineMillis > 0 && engine.serverTimesStatements()
                && (timeout.isZero() || timeout.toMillis() > engineMillis)) {
            throw new org.jalchemy.exc.ArgumentError("timeout(" + timeout + ") would lengthen the engine's statementTimeout ("
                    + o.statementTimeout() + "), which " + engine.dialect().name() + " enforces for every statement of"
                    + " the session; use an engine with a longer statementTimeout (or none) for these statements");
        }
        timeoutOverrideMillis = timeout == null ? -1 : timeout.toMillis();
        statementTimeoutMillis = timeout == null ? engine.perStatementTimeoutMillis() : timeout.toMillis();
        applyNetworkTimeout();
        return this;
    }

    /** The socket read timeout this connection needs for its statement timeout (engine default otherwise). */
    private void applyNetworkTimeout() {
        int engineNetwork = engine.networkTimeoutMillis();
        if (engineNetwork < 0 || timeoutOverrideMillis < 0 && !networkTimeoutChanged) {
            return; // the URL manages its own, or the engine's default is in place
        }
        int want = timeoutOverrideMillis < 0 ? engineNetwork : timeoutOverrideMillis == 0 ? 0
                : (int) Math.min(Integer.MAX_VALUE, timeoutOverrideMillis + engine.options().connectTimeout().toMillis());
        try {
            engine.dialect().setNetworkTimeout(raw, want);
            networkTimeoutChanged = timeoutOverrideMillis >= 0; // the pool restores its own on check-in
        } catch (SQLException e) {
            throw translate(e, "SET NETWORK TIMEOUT", null, null, null);
        }
    }

    /** True while a transaction (explicit or autobegun) is open. */
    public boolean inTransaction() {
        return root != null && root.active;
    }

    /** True while a SAVEPOINT from {@link #beginNested()} is open. */
    public boolean inNestedTransaction() {
        return !nested.isEmpty();
    }

    // ------------------------------------------------------------------ execution

    /** Executes a statement with no extra parameters. */
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    /**
     * The first column of each row of a typed SELECT: {@code connection.scalars(select(users.c(NAME)))}
     * is a {@code ScalarResult<String>}; an untyped {@code Select<Tuple>} gives Objects. No per-row
     * check: the row type is the statement's (see {@link org.jalchemy.sql.Row1}).
     */
    @SuppressWarnings("unchecked")
    public <T> Result.ScalarResult<T> scalars(Select<? extends Row1<T>> select) {
        return (Result.ScalarResult<T>) (Result.ScalarResult<?>) execute(select).scalars();
    }

    /** First column of the first row of a typed SELECT, or null: {@code Long n = connection.scalar(select(func.count()).selectFrom(users))}. */
    @SuppressWarnings("unchecked")
    public <T> T scalar(Select<? extends Row1<T>> select) {
        return (T) execute(select).scalar();
    }

    /**
     * The rows of a typed SELECT as its row shape: {@code for (Row2<String, Long> r : connection.rows(
     * select(name, func.count()).groupBy(name)))}, with {@code r.value1()} a String and {@code r.value2()}
     * a Long. They are the engine's {@link Row}s (also readable by name), seen through the type.
     */
    @SuppressWarnings("unchecked")
    public <R> Result.ScalarResult<R> rows(Select<R> select) {
        return (Result.ScalarResult<R>) (Result.ScalarResult<?>) execute(select).rows();
    }

    /** Executes a statement with named parameters (for {@code :name} in {@code text()} or named bind params). */
    public Result execute(Executable statement, Map<String, ?> parameters) {
        ensureOpen();
        if (!parameters.isEmpty()) {
            statement = statement.forParameterKeys(parameters.keySet());
        }
        boolean[] hit = new boolean[1];
        CompiledCache.Entry entry = compiled(statement, hit);
        boolean cached = hit[0];
        Compiled compiled = entry.compiled();
        Object[] values = compiled.values(statement.boundValues(), parameters);
        StatementInterceptor[] interceptors = engine.events().interceptors();
        if (interceptors.length > 0 && compiled.isQuery()) {
            long since = entry.createdNanos();
            Executable stmt = statement;
            return interceptors[0].intercept(new StatementInterceptor.Invocation(this, stmt, compiled, values,
                    interceptors, 0, () -> {
                        ensureOpen();
                        return run(compiled, values, cached, since, stmt.fetchSize());
                    }));
        }
        return run(compiled, values, cached, entry.createdNanos(), statement.fetchSize());
    }

    /**
     * The compiled form of {@code statement}: the memo of the last one when it is the same object
     * (statements are immutable, so the same object compiles to the same SQL; counted as a cache
     * hit), else the engine's compiled cache. An uncacheable statement (null cache key) is never
     * memoised.
     */
    private CompiledCache.Entry compiled(Executable statement, boolean[] hit) {
        if (statement == lastStatement) {
            hit[0] = true;
            engine.compiledCache().countHit();
            return lastCompiled;
        }
        Object key = statement.cacheKey();
        CompiledCache.Entry entry = engine.compiled(statement, key, hit);
        if (key != null && engine.compiledCache().enabled()) {
            lastStatement = statement;
            lastCompiled = entry;
        }
        return entry;
    }

    /**
     * The shared result shape of {@code compiled} (see {@link Result.Shape}), memoised for the last
     * compiled statement that returned rows: a statement run repeatedly builds it once. Compiled
     * statements are immutable, so the memo never goes stale.
     */
    private Result.Shape shapeOf(Compiled compiled) {
        if (compiled != lastShaped) {
            lastShape = Result.Shape.declared(compiled);
            lastShaped = compiled;
        }
        return lastShape;
    }

    /**
     * Executes one statement once per parameter set as a JDBC batch (SQLAlchemy's executemany).
     * Returns a result whose {@link Result#rowcount()} is the total of affected rows when the
     * driver reports it.
     */
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        ensureOpen();
        if (parameterSets.isEmpty()) {
            return Result.ofRowcount(this, 0);
        }
        statement = statement.forExecuteMany(parameterSets.get(0).keySet());
        boolean[] hit = new boolean[1];
        CompiledCache.Entry entry = compiled(statement, hit);
        Compiled compiled = entry.compiled();
        if (compiled.isQuery()) {
            return executeManyReturning(statement, compiled, parameterSets);
        }
        Object[] embedded = statement.boundValues();
        List<Object[]> rows = new ArrayList<>(parameterSets.size());
        for (Map<String, ?> p : parameterSets) {
            rows.add(compiled.values(embedded, p));
        }
        return runMany(compiled, rows, hit[0], entry.createdNanos(), null);
    }

    /**
     * executemany of a statement that returns rows (INSERT ... RETURNING): pages of multi-row
     * {@code INSERT ... VALUES (...), (...) RETURNING} where the statement can be expanded, else one
     * execution per parameter set; the rows of every page come back as one buffered result.
     */
    private Result executeManyReturning(Executable statement, Compiled compiled, List<? extends Map<String, ?>> sets) {
        int perRow = Math.max(1, compiled.slots().length);
        int page = Math.max(1, Math.min(1000, 30000 / perRow));
        List<Row> rows = new ArrayList<>(sets.size());
        RowMetadata md = null;
        for (int from = 0; from < sets.size(); from += page) {
            List<? extends Map<String, ?>> chunk = sets.subList(from, Math.min(sets.size(), from + page));
            Executable many = chunk.size() > 1 ? statement.expandMany(chunk) : null;
            if (many != null) {
                try (Result r = execute(many)) {
                    md = r.metadata();
                    rows.addAll(r.all());
                }
            } else {
                for (Map<String, ?> p : chunk) {
                    try (Result r = execute(statement, p)) {
                        md = r.metadata();
                        rows.addAll(r.all());
                    }
                }
            }
        }
        return Result.ofRows(this, md, rows);
    }

    /**
     * Runs {@code sql} exactly as written, with no parameter parsing (SQLAlchemy's
     * {@code exec_driver_sql}): for DDL and scripts whose text may hold colons, quotes or comments.
     * Echo, events and error translation apply as for any statement.
     */
    public Result execDriverSql(String sql) {
        ensureOpen();
        Compiled c = new Compiled(sql, new Compiled.BindSlot[0], new Compiled.ResultColumn[0], engine.dialect(), false);
        return run(c, new Object[0], false, 0, 0);
    }

    /**
     * Runs {@code work} outside any transaction (Alembic's {@code autocommit_block}): the open
     * transaction is committed first, the driver connection is switched to autocommit for the
     * duration, and back afterwards, so each statement commits by itself. For statements a
     * database refuses inside a transaction, e.g. PostgreSQL's {@code CREATE INDEX CONCURRENTLY}.
     */
    public <R> R autocommit(java.util.function.Supplier<R> work) {
        ensureOpen();
        commit();
        ensureOpen();
        try {
            boolean was = raw.getAutoCommit();
            raw.setAutoCommit(true);
            autocommitDepth++;
            try {
                return work.get();
            } finally {
                autocommitDepth--;
                if (root != null && root.active) { // statements autobegan a transaction that autocommit already ended
                    closeOpenResults();
                    root.active = false;
                    resetOnReturn = false;
                }
                raw.setAutoCommit(was);
            }
        } catch (SQLException e) {
            throw translate(e, "SET AUTOCOMMIT", null, null, null);
        }
    }

    /** Executes an already compiled statement with positional values (used by higher layers). */
    public Result executeCompiled(Compiled compiled, Object[] values) {
        ensureOpen();
        return run(compiled, values, true, 0, 0);
    }

    /** Executes an already compiled statement once per positional value array as one JDBC batch. */
    public Result executeCompiledMany(Compiled compiled, List<Object[]> rows) {
        ensureOpen();
        return runMany(compiled, rows, true, 0, null);
    }

    /**
     * Runs an INSERT once per value array as one JDBC batch and returns the keys the driver
     * generated, one array per inserted row in batch order (values as the driver reports them,
     * usually {@code Long}). The path for dialects without RETURNING; echo, events and error
     * translation apply as for any statement.
     */
    public List<Object[]> executeCompiledManyReturningKeys(Compiled compiled, List<Object[]> rows) {
        ensureOpen();
        List<Object[]> keys = new ArrayList<>(rows.size());
        runMany(compiled, rows, true, 0, keys);
        return keys;
    }

    private Result run(Compiled compiled, Object[] values, boolean cacheHit, long cachedSince, int fetchSize) {
        autobegin();
        String sql = compiled.sql();
        boolean echo = engine.echo();
        if (echo) {
            echoStatement(sql, List.<Object[]>of(values), cacheHit, cachedSince, false);
        }
        EngineListener[] listeners = engine.events().all();
        ExecuteContext ctx = null;
        if (listeners.length > 0) {
            ctx = new ExecuteContext(this, compiled, List.<Object[]>of(values), false, cacheHit);
            for (EngineListener l : listeners) {
                l.beforeExecute(ctx);
            }
        }
        long slow = engine.slowQueryNanos();
        long t0 = ctx != null || slow > 0 ? System.nanoTime() : 0; // the clock only when something reads it
        PreparedStatement ps = null;
        try {
            checkNotCancelled();
            Compiled.KeyFetch keyFetch = compiled.keyFetch();
            ps = keyFetch == Compiled.KeyFetch.GENERATED_KEYS
                    ? raw.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)
                    : fetchSize > 0 ? raw.prepareStatement(sql) : prepare(sql);
            int drain = fetchSize > 0 || keyFetch != Compiled.KeyFetch.NONE ? 0 : drainFetchSize;
            if (fetchSize > 0) {
                ps.setFetchSize(fetchSize);
            } else if (drain > 0) {
                ps.setFetchSize(drain); // a cached statement gets it every time: it is never given another
            }
            bind(ps, compiled.slots(), values);
            // a statement known to return rows runs as a query: some drivers' execute() does more
            // (sqlite-jdbc looks for generated keys after every execute())
            boolean query = keyFetch == Compiled.KeyFetch.NONE && compiled.isQuery() && compiled.resultColumns().length > 0;
            ResultSet queried = query ? queryCancellably(ps) : null;
            boolean hasRows = query || executeCancellably(ps);
            Result result;
            if (keyFetch != Compiled.KeyFetch.NONE) {
                active = null;
                result = insertResult(ps, hasRows, compiled);
            } else if (hasRows) {
                ResultSet rs = queried != null ? queried : ps.getResultSet();
                result = new Result(this, ps, rs, compiled, shapeOf(compiled));
                result.streamedToDrain = drain > 0;
                openResults.add(result); // stays active (cancellable) while its rows stream
            } else {
                active = null;
                long count = ps.getLargeUpdateCount();
                releaseStatement(ps);
                result = Result.ofRowcount(this, count);
            }
            if (ctx != null || slow > 0) {
                long elapsed = System.nanoTime() - t0;
                if (slow > 0 && elapsed >= slow) {
                    SlowQueryLog.log(engine, sql, List.<Object[]>of(values), elapsed);
                }
                if (ctx != null) {
                    ctx.finish(elapsed, result.rowcount());
                    for (EngineListener l : listeners) {
                        l.afterExecute(ctx);
                    }
                    written(compiled, listeners);
                }
            }
            return result;
        } catch (SQLException e) {
            active = null;
            discardStatement(ps);
            if (ctx != null) {
                ctx.failed(System.nanoTime() - t0);
            }
            throw translate(e, sql, List.<Object[]>of(values), ctx, listeners);
        }
    }

    /**
     * {@code ps.execute()}, visible to {@link #cancel()} while it runs; raises the cancellation
     * instead when the connection was cancelled before it or while it ran (its outcome is
     * discarded: the transaction can only be rolled back).
     */
    /** Executes {@code ps} as the cancellable active statement, under the statement timeout when one is set. */
    private boolean executeCancellably(PreparedStatement ps) throws SQLException {
        active = ps;
        checkNotCancelled();
        boolean hasRows;
        long timeout = statementTimeoutMillis;
        if (timeout > 0) {
            engine.dialect().startStatementTimeout(raw, ps, timeout);
            try {
                hasRows = ps.execute();
            } finally {
                endStatementTimeout(ps);
            }
        } else {
            hasRows = ps.execute();
        }
        checkNotCancelled();
        return hasRows;
    }

    /** {@link #executeCancellably} for a statement that returns rows: {@code executeQuery()}. */
    private ResultSet queryCancellably(PreparedStatement ps) throws SQLException {
        active = ps;
        checkNotCancelled();
        ResultSet rs;
        long timeout = statementTimeoutMillis;
        if (timeout > 0) {
            engine.dialect().startStatementTimeout(raw, ps, timeout);
            try {
                rs = ps.executeQuery();
            } finally {
                endStatementTimeout(ps);
            }
        } else {
            rs = ps.executeQuery();
        }
        checkNotCancelled();
        return rs;
    }

    private int[] executeBatchCancellably(PreparedStatement ps) throws SQLException {
        active = ps;
        checkNotCancelled();
        int[] counts;
        long timeout = statementTimeoutMillis;
        if (timeout > 0) {
            engine.dialect().startStatementTimeout(raw, ps, timeout);
            try {
                counts = ps.executeBatch();
            } finally {
                endStatementTimeout(ps);
            }
        } else {
            counts = ps.executeBatch();
        }
        checkNotCancelled();
        return counts;
    }

    void checkNotCancelled() throws SQLException {
        if (cancelled) {
            throw new SQLException("Statement cancelled: Connection.cancel() was called; this transaction can only be "
                    + "rolled back (rollback() clears the cancellation)", "57014");
        }
    }

    /** The outcome of a single-row INSERT that reports its primary key (implicit RETURNING or generated keys). */
    private Result insertResult(PreparedStatement ps, boolean hasRows, Compiled compiled) throws SQLException {
        try {
            Row key = null;
            long count;
            ResultSet rs = hasRows ? ps.getResultSet() : ps.getGeneratedKeys();
            if (hasRows) {
                count = 0;
            } else {
                count = ps.getLargeUpdateCount();
            }
            if (rs != null) {
                try (rs) {
                    Compiled.ResultColumn[] cols = compiled.resultColumns();
                    if (rs.next()) {
                        Object[] v = new Object[cols.length];
                        for (int i = 0; i < cols.length; i++) {
                            SqlType<?> t = cols[i].type();
                            v[i] = t != null ? t.read(rs, i + 1) : JdbcValues.readObject(rs, i + 1);
                        }
                        key = new Row(RowMetadata.of(compiled), v);
                        if (hasRows) {
                            count = 1;
                            while (rs.next()) {
                                count++;
                            }
                        }
                    }
                }
            }
            return Result.ofInsert(this, count, key);
        } finally {
            releaseStatement(ps);
        }
    }

    private Result runMany(Compiled compiled, List<Object[]> rows, boolean cacheHit, long cachedSince,
                           List<Object[]> generatedKeys) {
        autobegin();
        String sql = compiled.sql();
        if (engine.echo()) {
            echoStatement(sql, rows, cacheHit, cachedSince, true);
        }
        EngineListener[] listeners = engine.events().all();
        ExecuteContext ctx = null;
        if (listeners.length > 0) {
            ctx = new ExecuteContext(this, compiled, rows, true, cacheHit);
            for (EngineListener l : listeners) {
                l.beforeExecute(ctx);
            }
        }
        long t0 = System.nanoTime();
        PreparedStatement ps = null;
        try {
            checkNotCancelled();
            ps = generatedKeys != null ? raw.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS) : prepare(sql);
            Compiled.BindSlot[] slots = compiled.slots();
            for (Object[] values : rows) {
                bind(ps, slots, values);
                ps.addBatch();
            }
            // executeBatch, not executeLargeBatch: pgjdbc runs the latter without its batch pipelining
            // (measured: 3.5x slower for 30k inserts)
            int[] counts = executeBatchCancellably(ps);
            active = null;
            if (generatedKeys != null) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    int n = keys.getMetaData().getColumnCount();
                    while (keys.next()) {
                        Object[] k = new Object[n];
                        for (int i = 0; i < n; i++) {
                            k[i] = keys.getObject(i + 1);
                        }
                        generatedKeys.add(k);
                    }
                }
            }
            long total = 0;
            for (long c : counts) {
                if (c >= 0) {
                    total += c;
                } else {
                    total = -1;
                    break;
                }
            }
            long slow = engine.slowQueryNanos();
            if (ctx != null || slow > 0) {
                long elapsed = System.nanoTime() - t0;
                if (slow > 0 && elapsed >= slow) {
                    SlowQueryLog.log(engine, sql, rows, elapsed);
                }
                if (ctx != null) {
                    ctx.finish(elapsed, total);
                    for (EngineListener l : listeners) {
                        l.afterExecute(ctx);
                    }
                    written(compiled, listeners);
                }
            }
            releaseStatement(ps);
            return Result.ofRowcount(this, total);
        } catch (SQLException e) {
            active = null;
            discardStatement(ps);
            if (ctx != null) {
                ctx.failed(System.nanoTime() - t0);
            }
            SQLException cause = e;
            if (e instanceof java.sql.BatchUpdateException && e.getNextException() != null) {
                cause = e.getNextException();
            }
            throw translate(cause, sql, rows, ctx, listeners);
        }
    }

    private void endStatementTimeout(PreparedStatement ps) {
        try {
            engine.dialect().endStatementTimeout(raw, ps);
        } catch (SQLException ignored) {
            // the statement's own outcome (or error) is what matters; a dead connection is handled there
        }
    }

    /** A prepared statement for {@code sql}: the connection's cached one when it is free, else a new one. */
    private PreparedStatement prepare(String sql) throws SQLException {
        if (statements != null) {
            PreparedStatement ps = statements.acquire(sql);
            if (ps != null) {
                return ps;
            }
        }
        return raw.prepareStatement(sql);
    }

    /** Gives a statement back to the cache, or closes it when it is not cached. */
    void releaseStatement(PreparedStatement ps) {
        if (ps == null || (statements != null && statements.release(ps))) {
            return;
        }
        closeQuietly(ps);
    }

    /**
     * Gives back the statement of a result that was just closed: a cached one first lets the
     * driver drop the closed result ({@link org.jalchemy.dialect.Dialect#releaseClosedResult}), a
     * statement that fails to do so is discarded from the cache instead of being reused.
     */
    void releaseQueryStatement(PreparedStatement ps) {
        if (ps != null && statements != null && statements.isCached(ps)) {
            try {
                engine.dialect().releaseClosedResult(ps);
            } catch (SQLException e) {
                discardStatement(ps);
                return;
            }
        }
        releaseStatement(ps);
    }

    private void discardStatement(PreparedStatement ps) {
        if (ps == null || (statements != null && statements.discard(ps))) {
            return;
        }
        closeQuietly(ps);
    }

    private static void bind(PreparedStatement ps, Compiled.BindSlot[] slots, Object[] values) throws SQLException {
        for (int i = 0; i < slots.length; i++) {
            SqlType<?> type = slots[i].type();
            Object v = values[i];
            if (type != null) {
                type.bind(ps, i + 1, v);
            } else {
                JdbcValues.bindObject(ps, i + 1, v);
            }
        }
    }

    private void echoStatement(String sql, List<Object[]> rows, boolean cacheHit, long cachedSince, boolean many) {
        EchoLog.info(sql);
        boolean hide = engine.options().hideParameters();
        String origin = cacheHit
                ? (cachedSince == 0 ? "[precompiled]" : String.format("[cached since %.4gs ago]",
                (System.nanoTime() - cachedSince) / 1e9))
                : "[generated]";
        if (many) {
            StringBuilder sb = new StringBuilder(origin).append(" [").append(rows.size()).append(" parameter sets] ");
            int shown = Math.min(rows.size(), 10);
            for (int i = 0; i < shown; i++) {
                sb.append(EchoLog.params(rows.get(i), hide));
                if (i + 1 < shown) {
                    sb.append(", ");
                }
            }
            if (rows.size() > shown) {
                sb.append(" ... displaying 10 of ").append(rows.size()).append(" total bound parameter sets");
            }
            EchoLog.info(sb.toString());
        } else {
            EchoLog.info(origin + " " + EchoLog.params(rows.get(0), hide));
        }
    }

    DBAPIError translate(SQLException e, String sql, List<Object[]> rows, ExecuteContext ctx, EngineListener[] listeners) {
        return translate(e, sql, rows, ctx, listeners, false);
    }

    /**
     * The jalchemy error for a driver error, with SQL, masked parameters, engine URL and advice that
     * is true for the situation; a lost connection is discarded here. {@code commit}: the error
     * came from a COMMIT that was sent, so a lost connection leaves its outcome unknown.
     */
    private DBAPIError translate(SQLException e, String sql, List<Object[]> rows, ExecuteContext ctx,
                                 EngineListener[] listeners, boolean commit) {
        org.jalchemy.dialect.Dialect d = engine.dialect();
        ErrorKind kind = d.classify(e);
        boolean disconnect = d.isDisconnect(e);
        boolean autocommitting = autocommitDepth > 0 || engine.options().isolationLevel() == IsolationLevel.AUTOCOMMIT;
        boolean outcomeUnknown = disconnect && (commit || autocommitting);
        String params = null;
        if (rows != null && !rows.isEmpty()) {
            if (engine.options().hideParameters()) {
                params = DBAPIError.HIDDEN_PARAMETERS;
            } else if (rows.size() == 1) {
                params = EchoLog.params(rows.get(0), false);
            } else {
                params = EchoLog.params(rows.get(0), false) + " ... (" + rows.size() + " parameter sets)";
            }
        }
        StringBuilder msg = new StringBuilder("(").append(kind.displayName()).append(") ").append(e.getMessage());
        if (e.getSQLState() != null || e.getErrorCode() != 0) {
            msg.append(" [SQLSTATE ").append(e.getSQLState()).append(", vendor code ").append(e.getErrorCode()).append(']');
        }
        if (sql != null) {
            msg.append("\n[SQL: ").append(sql).append(']');
        }
        if (params != null) {
            msg.append("\n[parameters: ").append(params).append(']');
        }
        msg.append("\n[engine: ").append(engine.url()).append(']');
        if (disconnect && causedBy(e, java.net.SocketTimeoutException.class)) {
            msg.append("\n[no answer from the server within the socket read timeout (statementTimeout or timeout(),"
                    + " plus connectTimeout): the server is unreachable or stopped answering]");
        }
        if (disconnect && commit) {
            msg.append("\n[the connection was lost during COMMIT and has been discarded; the transaction may or may not"
                    + " have been committed: look the effect up on a new connection before running it again, or make"
                    + " the work idempotent so that running it twice is harmless]");
        } else if (outcomeUnknown) {
            msg.append("\n[the connection was lost and has been discarded; this statement ran in autocommit mode, so"
                    + " it may or may not have taken effect: check before running it again]");
        } else if (disconnect) {
            msg.append("\n[the connection was lost and has been discarded; the database rolled back the open"
                    + " transaction: call rollback(), then run the whole transaction again (this object reconnects"
                    + " on next use)]");
        }
        boolean retryable = !outcomeUnknown && (disconnect || d.isRetryable(e));
        if (retryable && !disconnect) {
            msg.append("\n[a conflict with a concurrent transaction: roll back and run the whole transaction again"
                    + " (RetryPolicy / runTransaction do this)]");
        }
        DBAPIError.Details details = new DBAPIError.Details(msg.toString(), e, sql, params, disconnect, retryable);
        DBAPIError err = disconnect && commit ? new CommitOutcomeUnknownError(details) : kind.create(details);
        if (disconnect) {
            invalidateQuietly(err);
            engine.invalidatePool(e.getMessage());
        }
        if (ctx != null) {
            ctx.error(err);
        }
        if (listeners != null) {
            for (EngineListener l : listeners) {
                l.handleError(ctx, err);
            }
        }
        return err;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ transactions

    /** Begins a transaction explicitly; raises if one is already in progress. */
    public Transaction begin() {
        ensureOpen();
        if (root != null && root.active) {
            throw new InvalidRequestError("A transaction is already begun on this connection; commit() or rollback() "
                    + "it first, or use beginNested() for a SAVEPOINT");
        }
        root = new RootTransaction();
        resetOnReturn = true;
        beginInMode();
        for (EngineListener l : engine.events().all()) {
            l.begin(this);
        }
        if (engine.echo()) {
            EchoLog.info("BEGIN (explicit)");
        }
        return root;
    }

    private void autobegin() {
        if (root == null || !root.active) {
            root = new RootTransaction();
            resetOnReturn = true;
            beginInMode();
            for (EngineListener l : engine.events().all()) {
                l.begin(this);
            }
            if (engine.echo()) {
                EchoLog.info("BEGIN (implicit)");
            }
        }
    }

    /** Starts the transaction in the engine's transactionMode (SQLite BEGIN IMMEDIATE); nothing for the default. */
    private void beginInMode() {
        String mode = engine.beginMode;
        if (mode != null && autocommitDepth == 0) {
            try {
                engine.dialect().beginTransaction(raw, mode);
            } catch (SQLException e) {
                root.active = false;
                throw translate(e, "BEGIN " + mode, null, null, null);
            }
        }
    }

    /** Sets a SAVEPOINT (beginning the outer transaction if needed); commit releases it, rollback returns to it. */
    public Transaction beginNested() {
        ensureOpen();
        autobegin();
        String name = "sa_savepoint_" + (++savepointSeq);
        try {
            Savepoint sp = raw.setSavepoint(name);
            NestedTransaction t = new NestedTransaction(name, sp);
            nested.push(t);
            if (engine.echo()) {
                EchoLog.info("SAVEPOINT " + name);
            }
            for (EngineListener l : engine.events().all()) {
                l.savepoint(this, name);
            }
            return t;
        } catch (SQLException e) {
            throw translate(e, "SAVEPOINT " + name, null, null, null);
        }
    }

    /**
     * Commits the current transaction (no-op when none is open). Open SAVEPOINTs are released.
     * After {@link #cancel()} raises {@link org.jalchemy.exc.OperationalError} instead: roll back.
     */
    public void commit() {
        ensureOpen();
        if (cancelled) {
            throw commitRefused();
        }
        if (root != null && root.active) {
            root.commit();
        }
    }

    /**
     * Rolls back the current transaction (no-op when none is open), and clears a {@link #cancel()}.
     * After a lost connection it succeeds without the server, which rolled back already; the next
     * statement reconnects.
     */
    public void rollback() {
        if (closed) {
            throw new ResourceClosedError("This Connection is closed; check out a new one with engine.connect()");
        }
        if (root != null && root.active) {
            root.rollback();
        }
        cancelled = false;
    }

    /**
     * Cancels what this connection is doing; the one method any thread may call while another
     * uses the connection. The statement executing or streaming rows now is cancelled with JDBC's
     * {@code Statement.cancel} (PostgreSQL: a cancel request; MySQL/MariaDB: {@code KILL QUERY} on a
     * second connection; SQLite: {@code sqlite3_interrupt}) and fails with an
     * {@link org.jalchemy.exc.OperationalError}; the transaction is doomed: every statement and
     * {@link #commit()} raise until {@link #rollback()} (or {@link #close()}), so cancelled work is
     * never committed. Without a running statement only the transaction is doomed. A no-op on a
     * closed connection.
     */
    public void cancel() {
        if (closed) {
            return;
        }
        cancelled = true;
        java.sql.Statement s = active;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                // the statement finished (or closed) meanwhile: the doomed transaction still stops the work
            }
        }
    }

    /** True after {@link #cancel()} until the next {@link #rollback()}. */
    public boolean isCancelled() {
        return cancelled;
    }

    void rollbackQuietly(Throwable primary) {
        try {
            if (!closed && root != null && root.active) {
                root.rollback();
            }
        } catch (RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    private DBAPIError commitRefused() {
        return translate(new SQLException("COMMIT refused: Connection.cancel() was called during this transaction; "
                + "roll it back (rollback() clears the cancellation)", "57014"), "COMMIT", null, null, null);
    }

    private void endRoot(boolean commit) {
        if (commit && cancelled) {
            throw commitRefused();
        }
        closeOpenResults();
        nested.clear();
        if (invalidated) { // only a rollback gets here: the server rolled back when the connection was lost
            cancelled = false;
            endedQuietly();
            return;
        }
        if (!commit && cancelled && statements != null) {
            statements.closeIdle(); // SQLite: an interrupt stays pending while any statement is active
        }
        boolean autoCommit;
        try {
            autoCommit = raw.getAutoCommit();
        } catch (SQLException e) { // the driver knows the connection is closed: nothing is sent
            root.active = false;
            if (!commit && engine.dialect().isDisconnect(e)) {
                invalidateQuietly(null);
                engine.invalidatePool(e.getMessage());
                endedQuietly();
                return;
            }
            throw translate(e, commit ? "COMMIT" : "ROLLBACK", null, null, null);
        }
        try {
            if (!autoCommit) {
                if (commit) {
                    raw.commit();
                } else {
                    raw.rollback();
                }
            }
        } catch (SQLException e) {
            root.active = false;
            if (!commit && engine.dialect().isDisconnect(e)) {
                invalidateQuietly(null);
                engine.invalidatePool(e.getMessage());
                endedQuietly();
                return;
            }
            TablesWritten maybe = takeWritten();
            DBAPIError err = translate(e, commit ? "COMMIT" : "ROLLBACK", null, null, null, commit);
            if (commit && maybe != null && err instanceof CommitOutcomeUnknownError) {
                // it may have committed: listeners that invalidate must assume it did
                for (EngineListener l : engine.events().all()) {
                    try {
                        l.afterCommit(this, maybe);
                    } catch (RuntimeException suppressed) {
                        err.addSuppressed(suppressed);
                    }
                }
            }
            throw err;
        }
        root.active = false;
        resetOnReturn = false;
        if (!commit) {
            cancelled = false;
        }
        if (engine.echo()) {
            EchoLog.info(commit ? "COMMIT" : "ROLLBACK");
        }
        EngineListener[] listeners = engine.events().all();
        for (EngineListener l : listeners) {
            if (commit) {
                l.commit(this);
            } else {
                l.rollback(this);
            }
        }
        TablesWritten written = takeWritten();
        if (commit && written != null) {
            for (EngineListener l : listeners) {
                l.afterCommit(this, written);
            }
        }
    }

    /**
     * Records what a statement that just ran wrote, for {@link EngineListener#afterCommit}; in
     * autocommit mode the statement committed by itself, so listeners hear of it at once.
     */
    private void written(Compiled compiled, EngineListener[] listeners) {
        if (!ExecuteContext.isWrite(compiled)) {
            return;
        }
        java.util.Set<String> tables = compiled.tables();
        boolean autocommitting = autocommitDepth > 0 || engine.options().isolationLevel() == IsolationLevel.AUTOCOMMIT;
        if (autocommitting) {
            TablesWritten w = new TablesWritten(tables == null ? java.util.Set.of() : tables, tables == null);
            for (EngineListener l : listeners) {
                l.afterCommit(this, w);
            }
            return;
        }
        if (writtenTables == null) {
            writtenTables = new java.util.HashSet<>();
        }
        if (tables == null) {
            writtenUnknown = true;
        } else {
            writtenTables.addAll(tables);
        }
    }

    /** The writes of the transaction that just ended (null when none), cleared. */
    private TablesWritten takeWritten() {
        if (writtenTables == null) {
            return null;
        }
        TablesWritten w = new TablesWritten(writtenTables, writtenUnknown);
        writtenTables = null;
        writtenUnknown = false;
        return w;
    }

    /** Ends the root transaction of a lost connection: the server rolled it back, nothing to send. */
    private void endedQuietly() {
        takeWritten();
        root.active = false;
        resetOnReturn = false;
        if (engine.echo()) {
            EchoLog.info("ROLLBACK (connection lost; the database rolled back already)");
        }
        for (EngineListener l : engine.events().all()) {
            l.rollback(this);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Discards the underlying database connection (closed, not returned to the pool). The next
     * statement checks out a new one; inside a transaction, {@link #rollback()} must come first.
     */
    public void invalidate() {
        if (!closed) {
            invalidateQuietly(null);
        }
    }

    private void invalidateQuietly(RuntimeException cause) {
        if (!invalidated && raw != null) {
            invalidated = true;
            invalidation = cause;
            closeOpenResults();
            engine.invalidate(raw);
        }
    }

    /** Replaces a discarded database connection with a fresh one from the pool. */
    private void reconnect() {
        Engine.Checkout fresh = engine.checkout();
        raw = fresh.raw();
        statements = fresh.statements();
        invalidated = false;
        invalidation = null;
        rawExposed = false;
        resetOnReturn = true;
        networkTimeoutChanged = false;
        if (timeoutOverrideMillis >= 0) {
            applyNetworkTimeout();
        }
        for (EngineListener l : engine.events().all()) {
            l.checkout(this);
        }
    }

    /** Rolls back anything still open and returns the connection to the pool. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (leakWatch != null) {
            leakWatch.returned();
        }
        closeOpenResults();
        try {
            if (!invalidated) {
                if (root != null && root.active) {
                    try {
                        root.rollback();
                    } catch (RuntimeException ignored) {
                        // the pool resets the connection anyway
                    }
                } else if ((resetOnReturn || rawExposed) && !raw.getAutoCommit()) {
                    // reset on return: nothing read or written survives (skipped right after this
                    // connection's own COMMIT/ROLLBACK, where it would be a second, useless one)
                    raw.rollback();
                }
                for (EngineListener l : engine.events().all()) {
                    l.checkin(this);
                }
                engine.checkin(raw);
            }
        } catch (SQLException e) {
            engine.invalidate(raw);
        } finally {
            raw = null;
        }
    }

    void resultClosed(Result r, java.sql.Statement statement) {
        openResults.remove(r);
        if (active == statement) {
            active = null;
        }
    }

    private void closeOpenResults() {
        if (!openResults.isEmpty()) {
            for (Result r : new ArrayList<>(openResults)) {
                r.close();
            }
            openResults.clear();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ResourceClosedError("This Connection is closed; check out a new one with engine.connect()");
        }
        if (invalidated) {
            if (root != null && root.active) {
                throw new PendingRollbackError("This Connection's database connection was lost inside a transaction,"
                        + " which the database rolled back; call rollback() to end it here too, then run the"
                        + " transaction again (the Connection reconnects on next use)", invalidation);
            }
            reconnect();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Override
    public String toString() {
        return "Connection(" + engine.url() + (closed ? ", closed" : "") + ")";
    }

    private final class RootTransaction implements Transaction {
        boolean active = true;

        @Override
        public void commit() {
            ensureActive();
            endRoot(true);
        }

        @Override
        public void rollback() {
            if (active) {
                endRoot(false);
            }
        }

        @Override
        public boolean isActive() {
            return active && !closed;
        }

        @Override
        public boolean isNested() {
            return false;
        }

        @Override
        public Connection connection() {
            return Connection.this;
        }

        private void ensureActive() {
            ensureOpen();
            if (!active) {
                throw new InvalidRequestError("This transaction is inactive (already committed or rolled back)");
            }
        }

        @Override
        public void close() {
            if (active && !closed) {
                rollback();
            }
        }
    }

    private final class NestedTransaction implements Transaction {
        private final String name;
        private final Savepoint savepoint;
        private boolean active = true;

        NestedTransaction(String name, Savepoint savepoint) {
            this.name = name;
            this.savepoint = savepoint;
        }

        private void popThrough() {
            while (!nested.isEmpty()) {
                NestedTransaction t = nested.pop();
                t.active = false;
                if (t == this) {
                    return;
                }
            }
        }

        @Override
        public void commit() {
            ensureOpen();
            if (!active) {
                throw new InvalidRequestError("This savepoint '" + name + "' is inactive");
            }
            try {
                if (engine.echo()) {
                    EchoLog.info("RELEASE SAVEPOINT " + name);
                }
                raw.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw translate(e, "RELEASE SAVEPOINT " + name, null, null, null);
            } finally {
                popThrough();
            }
            for (EngineListener l : engine.events().all()) {
                l.releaseSavepoint(Connection.this, name);
            }
        }

        @Override
        public void rollback() {
            if (!active || closed) {
                return;
            }
            if (invalidated) { // the whole transaction is gone; rollback() of the connection ends it
                popThrough();
                return;
            }
            try {
                if (engine.echo()) {
                    EchoLog.info("ROLLBACK TO SAVEPOINT " + name);
                }
                raw.rollback(savepoint);
            } catch (SQLException e) {
                throw translate(e, "ROLLBACK TO SAVEPOINT " + name, null, null, null);
            } finally {
                popThrough();
            }
            for (EngineListener l : engine.events().all()) {
                l.rollbackSavepoint(Connection.this, name);
            }
        }

        @Override
        public boolean isActive() {
            return active && !closed && root != null && root.active;
        }

        @Override
        public boolean isNested() {
            return true;
        }

        @Override
        public Connection connection() {
            return Connection.this;
        }

        @Override
        public void close() {
            if (isActive()) {
                rollback();
            }
        }
    }
}
