package org.jalchemy.asyncio;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.PoolStatus;
import org.jalchemy.engine.URL;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The engine for asynchronous callers (SQLAlchemy's {@code AsyncEngine}): a synchronous
 * {@link Engine} — same URL, dialect, options and HikariCP pool — whose connections are handed out
 * as {@link AsyncConnection}s. Create one with
 * {@link AsyncJalchemy#createAsyncEngine(String, java.util.function.UnaryOperator)}, or wrap an
 * engine you have with {@link #from(Engine)}; one per database per application, shared.
 *
 * <p>Nothing here needs an asynchronous driver: the JDBC drivers block, and blocking is cheap on a
 * virtual thread, which parks (freeing its carrier) while it waits for the database or for a pooled
 * connection. What matters then is the pool: at most {@code poolSize + maxOverflow} calls talk to
 * the database at once, the others wait in the pool's queue up to {@code poolTimeout}, so size the
 * pool for the database, not for the number of concurrent requests.
 *
 * <p>{@link #connect()} and {@link #begin()} check a connection out on a virtual thread;
 * {@link #transaction} ({@code async with engine.begin() as conn:}) and {@link #withConnection}
 * ({@code async with engine.connect() as conn:}) also give it back. Thread-safe.
 */
public final class AsyncEngine implements AutoCloseable {
    private final Engine engine;

    private AsyncEngine(Engine engine) {
        this.engine = engine;
    }

    /** The asynchronous face of an existing engine (they share its pool). */
    public static AsyncEngine from(Engine engine) {
        return new AsyncEngine(Objects.requireNonNull(engine, "engine"));
    }

    /** The synchronous engine underneath (SQLAlchemy's {@code sync_engine}). */
    public Engine sync() {
        return engine;
    }

    public URL url() {
        return engine.url();
    }

    public Dialect dialect() {
        return engine.dialect();
    }

    /** Pool counters now. */
    public PoolStatus poolStatus() {
        return engine.poolStatus();
    }

    /** Checks out a connection (autobegin on its first statement); close it with {@link AsyncConnection#close()}. */
    public CompletableFuture<AsyncConnection> connect() {
        return new AsyncConnection(this).start(false);
    }

    /** A connection with a transaction begun: commit it, then close it (closing without commit rolls back). */
    public CompletableFuture<AsyncConnection> begin() {
        return new AsyncConnection(this).start(true);
    }

    /**
     * Runs {@code work} on a connection in a transaction (SQLAlchemy's
     * {@code async with engine.begin() as conn:}): commits when its future completes normally,
     * rolls back when it fails, and closes the connection either way. Cancelling the returned
     * future dooms the transaction (its running statement is cancelled; nothing is committed) and
     * closes the connection as soon as the call running now ends.
     */
    public <R> CompletableFuture<R> transaction(Function<? super AsyncConnection, ? extends CompletionStage<R>> work) {
        return scoped(true, work);
    }

    /**
     * Runs {@code work} on a connection and closes it when the future completes (SQLAlchemy's
     * {@code async with engine.connect() as conn:}): what {@code work} did not commit is rolled back.
     */
    public <R> CompletableFuture<R> withConnection(Function<? super AsyncConnection, ? extends CompletionStage<R>> work) {
        return scoped(false, work);
    }

    private <R> CompletableFuture<R> scoped(boolean commit, Function<? super AsyncConnection, ? extends CompletionStage<R>> work) {
        AsyncConnection conn = new AsyncConnection(this);
        Worker.Scope<R> scope = new Worker.Scope<>(() -> { // doom what runs, then give the connection back
            var c = conn.syncConnection();
            if (c != null) {
                c.cancel();
            }
            conn.close();
        });
        conn.start(commit)
                .thenCompose(c -> work.apply(c))
                .thenCompose(r -> commit ? conn.commit().thenApply(v -> r) : CompletableFuture.completedFuture(r))
                .whenComplete((r, ex) -> conn.close().whenComplete((v, closeFailure) -> {
                    Throwable failure = ex;
                    if (closeFailure != null) {
                        if (failure == null) {
                            failure = closeFailure;
                        } else {
                            Worker.causeOf(failure).addSuppressed(Worker.causeOf(closeFailure));
                        }
                    }
                    scope.settle(r, failure == null ? null : Worker.causeOf(failure));
                }));
        return scope;
    }

    /** Closes every pooled connection, on a virtual thread; the engine stays usable. */
    public CompletableFuture<Void> dispose() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("jalchemy-async-dispose").start(() -> {
            try {
                engine.dispose();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** {@link Engine#dispose()} now, on the calling thread (for try-with-resources). */
    @Override
    public void close() {
        engine.dispose();
    }

    @Override
    public String toString() {
        return "AsyncEngine(" + engine.url() + ")";
    }
}
