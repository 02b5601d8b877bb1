package org.jalchemy.asyncio;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Row1;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.TextClause;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A Core connection for asynchronous callers (SQLAlchemy's {@code AsyncConnection}): a
 * {@link Connection} checked out of the engine's pool whose methods return
 * {@link CompletableFuture}s and run on virtual threads, one after another in the order they were
 * called. Get one from {@link AsyncEngine#connect()} or {@link AsyncEngine#begin()}, or let
 * {@link AsyncEngine#transaction} / {@link AsyncEngine#withConnection} manage it.
 *
 * <p>Transactions autobegin on the first statement; {@link #commit()} / {@link #rollback()} end
 * them; {@link #close()} rolls back what is open and returns the connection to the pool. Results
 * are read into memory on the connection's thread ({@link Result#buffered()}) so they can be read
 * anywhere; {@link #stream} hands rows out with back-pressure instead. Callbacks attached to a
 * future run on the connection's thread before its next call; calls made there run at once.
 *
 * <p>Cancelling a call's future (or {@code orTimeout}) cancels it: queued, it never runs;
 * running, its statement is cancelled with JDBC {@code Statement.cancel}. The transaction is then
 * rolled back and the connection stays usable. Errors are the synchronous API's exception types.
 * Thread-safety: every method may be called from any thread; see {@link AsyncSession} for the
 * ordering rules and hazards, which are the same.
 */
public final class AsyncConnection {
    private final AsyncEngine engine;
    private final Worker worker;
    /** Set by the connect task, before any other task runs. */
    private volatile Connection connection;

    AsyncConnection(AsyncEngine engine) {
        this.engine = engine;
        this.worker = new Worker(new Worker.Target() {
            @Override
            public void cancelRunning() {
                Connection c = connection;
                if (c != null) {
                    c.cancel();
                }
            }

            @Override
            public void rollbackAfterCancel() {
                Connection c = connection;
                if (c != null && !c.isClosed()) {
                    c.rollback();
                }
            }
        });
    }

    /** Checks the connection out (on a virtual thread: a pool wait parks it, pinning nothing). */
    CompletableFuture<AsyncConnection> start(boolean begin) {
        return worker.submit(() -> {
            Connection c = engine.sync().connect();
            connection = c;
            if (begin) {
                try {
                    c.begin();
                } catch (RuntimeException e) {
                    c.close();
                    throw e;
                }
            }
            return this;
        });
    }

    public AsyncEngine engine() {
        return engine;
    }

    /** Executes a statement; rows, if any, come back read into memory. */
    public CompletableFuture<Result> execute(Executable statement) {
        return worker.submit(() -> connection.execute(statement).buffered());
    }

    /** Executes a statement with named parameters. */
    public CompletableFuture<Result> execute(Executable statement, Map<String, ?> parameters) {
        return worker.submit(() -> connection.execute(statement, parameters).buffered());
    }

    /** Executes a statement once per parameter set (executemany). */
    public CompletableFuture<Result> execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return worker.submit(() -> connection.execute(statement, parameterSets).buffered());
    }

    /** The first column of the first row, or null when there is no row. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> scalar(Executable statement) {
        return worker.submit(() -> (T) connection.execute(statement).scalar());
    }

    /** As {@link #scalar(Executable)} with named parameters. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> scalar(Executable statement, Map<String, ?> parameters) {
        return worker.submit(() -> (T) connection.execute(statement, parameters).scalar());
    }

    /** The first column of the first row of a typed SELECT, or null: {@code CompletableFuture<Long>} for {@code select(func.count())}. */
    public <T> CompletableFuture<T> scalar(Select<? extends Row1<T>> select) {
        return worker.submit(() -> connection.scalar(select));
    }

    /** The first column of every row of a typed SELECT. */
    public <T> CompletableFuture<List<T>> scalars(Select<? extends Row1<T>> select) {
        return worker.submit(() -> connection.scalars(select).all());
    }

    /** The rows of a typed SELECT as its row shape ({@code Row2<String, Long>}...), read into memory. */
    public <R> CompletableFuture<List<R>> rows(Select<R> select) {
        return worker.submit(() -> connection.rows(select).all());
    }

    /** The first column of every row. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<List<T>> scalars(Executable statement) {
        return worker.submit(() -> (List<T>) connection.execute(statement).scalars().all());
    }

    /**
     * The rows of a statement as a {@link Flow.Publisher} with back-pressure, fetched
     * {@code yieldPer(n)} at a time (1000 for a {@code select()} or {@code text()} that sets none)
     * and handed out as requested: constant memory for any number of rows. Each subscription runs
     * the statement once, after the calls made before it; the connection does nothing else until
     * the stream completes, fails or is cancelled. Signals come from the connection's thread;
     * cancelling the subscription closes the cursor.
     */
    public Flow.Publisher<Row> stream(Executable statement) {
        return stream(statement, Map.of());
    }

    /** As {@link #stream(Executable)} with named parameters. */
    public Flow.Publisher<Row> stream(Executable statement, Map<String, ?> parameters) {
        Executable s = withFetchSize(statement);
        int chunk = s.fetchSize() > 0 ? s.fetchSize() : RowPublisher.DEFAULT_CHUNK;
        return new RowPublisher<Result, Row, Row>(worker, () -> connection.execute(s, parameters),
                r -> r.partitions(chunk), null);
    }

    private static Executable withFetchSize(Executable statement) {
        if (statement.fetchSize() > 0) {
            return statement;
        }
        if (statement instanceof Select<?> s) {
            return s.yieldPer(RowPublisher.DEFAULT_CHUNK);
        }
        if (statement instanceof TextClause t) {
            return t.yieldPer(RowPublisher.DEFAULT_CHUNK);
        }
        return statement;
    }

    /** Commits the transaction. */
    public CompletableFuture<Void> commit() {
        return worker.submit(() -> {
            connection.commit();
            return null;
        });
    }

    /** Rolls the transaction back. */
    public CompletableFuture<Void> rollback() {
        return worker.submit(() -> {
            connection.rollback();
            return null;
        });
    }

    /** Rolls back what is open and returns the connection to the pool. Idempotent. */
    public CompletableFuture<Void> close() {
        return worker.submit(() -> {
            Connection c = connection;
            if (c != null) {
                c.close();
            }
            return null;
        });
    }

    /** Runs plain synchronous Core code on the connection's thread (SQLAlchemy's {@code run_sync}). */
    public <R> CompletableFuture<R> runSync(Function<? super Connection, R> work) {
        return worker.submit(() -> work.apply(connection));
    }

    Connection syncConnection() {
        return connection;
    }

    @Override
    public String toString() {
        return "AsyncConnection(" + engine.sync().url() + ")";
    }
}
