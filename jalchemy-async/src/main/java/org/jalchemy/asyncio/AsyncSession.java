package org.jalchemy.asyncio;

import org.jalchemy.engine.Result;
import org.jalchemy.orm.LoaderOption;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.orm.Session;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Row1;
import org.jalchemy.sql.Select;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * The ORM session for asynchronous callers (SQLAlchemy's {@code AsyncSession}): a synchronous
 * {@link Session} whose database-touching methods return {@link CompletableFuture}s and run on
 * virtual threads, one call after another in the order they were made. Open one with
 * {@link AsyncSessionFactory#open()} (or let {@link AsyncSessionFactory#inTransaction} and
 * {@link AsyncSessionFactory#withSession} open and close it).
 *
 * <p><b>Ordering and threads.</b> Each call is queued and runs after the calls made before it,
 * never two at once, on a virtual thread (an idle session holds none). A future is completed on
 * the session's thread before the next call starts, so callbacks attached to it ({@code thenApply},
 * {@code thenCompose}, ...) run there, in order; calls made from such a callback run at once and
 * return completed futures. {@link #add}, {@link #addAll} and {@link #expunge} touch no database
 * and stay plain methods; they too run in order with the queued calls (waiting for them when
 * needed). Results handed back are read into memory first ({@link OrmResult#buffered()},
 * {@link Result#buffered()}), so they can be read on any thread.
 *
 * <p><b>Lazy loading works.</b> A lazy collection or {@code Ref} touched in a callback of the
 * session loads on the session's thread, in order; touched on any other thread while the session
 * is open, the load is queued on the session's thread and the toucher waits for it. After
 * {@link #close()} it raises {@link org.jalchemy.orm.DetachedInstanceError} naming the attribute,
 * as in the synchronous ORM. (SQLAlchemy's asyncio raises {@code MissingGreenlet} here instead.)
 *
 * <p><b>Cancellation and timeouts.</b> Cancelling a call's future, completing it from outside or
 * letting {@code orTimeout} expire cancels that call: queued, it never runs; running, its statement
 * is cancelled (JDBC {@code Statement.cancel}). Either way the session's transaction is then rolled
 * back (as {@link #rollback()} does), before the next call runs, and the session stays usable; the
 * connection goes back to the pool healthy. A cancel that arrives after a COMMIT reached the
 * database cannot undo it. Cancel the future this class returned: stages derived from it
 * ({@code thenApply}, ...) do not pass cancellation back.
 *
 * <p><b>Errors</b> are the synchronous ORM's: a future fails with the same {@code IntegrityError},
 * {@code NoResultFound}, ... (wrapped in a {@code CompletionException} by {@code join()};
 * {@link AsyncJalchemy#await} rethrows them unwrapped).
 *
 * <p><b>Hazards.</b> Change a session's objects in its callbacks, or between calls (after the
 * futures of earlier calls completed), not while a call runs. A callback that blocks on a call of
 * the same session made from another thread waits for itself. While a {@link #stream} is being
 * consumed the session does nothing else. Thread-safety: every method may be called from any
 * thread.
 */
public final class AsyncSession {
    private final AsyncSessionFactory factory;
    private final Session session;
    private final Worker worker;

    AsyncSession(AsyncSessionFactory factory, Session session) {
        this.factory = factory;
        this.session = session;
        this.worker = new Worker(new Worker.Target() {
            @Override
            public void cancelRunning() {
                session.cancel();
            }

            @Override
            public void rollbackAfterCancel() {
                if (!session.isClosed()) {
                    session.rollback();
                }
            }
        });
        session.lazyLoadExecutor(worker::runOnWorker);
    }

    public AsyncSessionFactory factory() {
        return factory;
    }

    // ------------------------------------------------------------------ plain methods

    /** Places an object in the session (pending until flushed), in order with the calls made before. */
    public void add(Object entity) {
        Objects.requireNonNull(entity, "entity");
        worker.runNow(() -> session.add(entity));
    }

    /** {@link #add} for each object. */
    public void addAll(Iterable<?> entities) {
        worker.runNow(() -> session.addAll(entities));
    }

    /** Removes an object from the session (pending ones become transient, persistent ones detached). */
    public void expunge(Object entity) {
        worker.runNow(() -> session.expunge(entity));
    }

    // ------------------------------------------------------------------ queries

    /**
     * Runs a SELECT (ORM-enabled or Core) after autoflush: {@code await session.execute(select(User)...)}.
     * The result is read into memory on the session's thread: {@code scalars().all()},
     * {@code scalarOneOrNone()} ... work on any thread.
     */
    public CompletableFuture<OrmResult> execute(Select<?> select) {
        return worker.submit(() -> session.execute(select).buffered());
    }

    /** Runs a Core statement (or an ORM bulk UPDATE/DELETE) after autoflush; rows, if any, are buffered. */
    public CompletableFuture<Result> execute(Executable statement) {
        return worker.submit(() -> session.execute(statement).buffered());
    }

    /** As {@link #execute(Executable)} with named parameters. */
    public CompletableFuture<Result> execute(Executable statement, Map<String, ?> parameters) {
        return worker.submit(() -> session.execute(statement, parameters).buffered());
    }

    /** Executes a statement once per parameter set (executemany, the ORM bulk INSERT). */
    public CompletableFuture<Result> execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return worker.submit(() -> session.execute(statement, parameterSets).buffered());
    }

    /** The first item of each row, typed by the statement: the Users of {@code select(User.class)}. */
    public <T> CompletableFuture<List<T>> scalars(Select<? extends Row1<T>> select) {
        return worker.submit(() -> session.scalars(select).all());
    }

    /** The first item of the first row, or null when there is no row, typed by the statement. */
    public <T> CompletableFuture<T> scalar(Select<? extends Row1<T>> select) {
        return worker.submit(() -> session.scalar(select));
    }

    /** The rows of a SELECT as its row shape ({@code Row2<User, Long>}...), read into memory. */
    public <R> CompletableFuture<List<R>> rows(Select<R> select) {
        return worker.submit(() -> session.rows(select).all());
    }

    /**
     * The object with this primary key (from the identity map without SQL when present), or
     * empty; with loader options, its relationships are loaded as they say.
     */
    public <E> CompletableFuture<Optional<E>> get(Class<E> type, Object id, LoaderOption<?>... options) {
        return worker.submit(() -> session.get(type, id, options));
    }

    /**
     * The rows of a SELECT as a {@link Flow.Publisher} with back-pressure: rows are fetched
     * {@code select.yieldPer(n)} at a time (1000 when not set) and hydrated a list at a time, so
     * memory holds one list, not the result — except that the objects stay in the session's
     * identity map ({@link #expunge} those you are done with, e.g. in {@code onNext}). Each
     * subscription runs the statement once, after the calls made before it; until it completes
     * or is cancelled, the session does nothing else. {@code onNext} runs on the session's thread:
     * lazy loads and session calls work there. Cancelling the subscription closes the cursor (the
     * transaction stays open); a failure arrives through {@code onError} with the synchronous
     * exception. Joined eager loading ({@code joinedload}) cannot be streamed; use
     * {@code selectinload}.
     */
    public Flow.Publisher<OrmResult.OrmRow> stream(Select<?> select) {
        Select<?> s = withFetchSize(select);
        return new RowPublisher<OrmResult, OrmResult.OrmRow, OrmResult.OrmRow>(worker, () -> session.execute(s),
                r -> r.partitions(s.fetchSize()), null);
    }

    /** As {@link #stream}, with the first item of each row (the entity of {@code select(User.class)}). */
    @SuppressWarnings("unchecked")
    public <T> Flow.Publisher<T> streamScalars(Select<? extends Row1<T>> select) {
        Select<?> s = withFetchSize(select);
        return new RowPublisher<OrmResult, OrmResult.OrmRow, T>(worker, () -> session.execute(s),
                r -> r.partitions(s.fetchSize()), row -> (T) row.get(0));
    }

    static <R> Select<R> withFetchSize(Select<R> select) {
        return select.fetchSize() > 0 ? select : select.yieldPer(RowPublisher.DEFAULT_CHUNK);
    }

    // ------------------------------------------------------------------ unit of work

    /** Writes pending changes. */
    public CompletableFuture<Void> flush() {
        return worker.submit(() -> {
            session.flush();
            return null;
        });
    }

    /** Flushes and commits the transaction. */
    public CompletableFuture<Void> commit() {
        return worker.submit(() -> {
            session.commit();
            return null;
        });
    }

    /** Rolls back the transaction and restores the objects (see {@link Session#rollback()}). */
    public CompletableFuture<Void> rollback() {
        return worker.submit(() -> {
            session.rollback();
            return null;
        });
    }

    /** Reloads every column of a persistent object. */
    public CompletableFuture<Void> refresh(Object entity) {
        return worker.submit(() -> {
            session.refresh(entity);
            return null;
        });
    }

    /**
     * Marks a persistent object for deletion at the next flush ({@code await session.delete(obj)}:
     * it may load what the delete cascades to).
     */
    public CompletableFuture<Void> delete(Object entity) {
        return worker.submit(() -> {
            session.delete(entity);
            return null;
        });
    }

    /** Copies a (detached) object's state onto the session's object for its row and returns that object. */
    public <E> CompletableFuture<E> merge(E entity) {
        return worker.submit(() -> session.merge(entity));
    }

    /** Rolls back what is still open, returns the connection and detaches every object. */
    public CompletableFuture<Void> close() {
        return worker.submit(() -> {
            session.close();
            return null;
        });
    }

    /**
     * Runs plain synchronous ORM code on the session's thread, in order with the other calls
     * (SQLAlchemy's {@code run_sync}): {@code session.runSync(s -> s.query(User.class).all())}.
     * The {@link Session} must not escape {@code work}.
     */
    public <R> CompletableFuture<R> runSync(Function<? super Session, R> work) {
        return worker.submit(() -> work.apply(session));
    }

    /**
     * Runs {@code work} in a transaction of this session (SQLAlchemy's
     * {@code async with session.begin():}): begins it, then commits when the future {@code work}
     * returns completes normally, or rolls back when it fails (or {@code work} throws) and fails
     * with the same exception. Raises {@code InvalidRequestError} (in the future) when a
     * transaction is already begun. Cancelling the returned future dooms the transaction: its
     * running statement is cancelled and it is rolled back (as soon as the call running now ends),
     * never committed.
     */
    public <R> CompletableFuture<R> transaction(Function<? super AsyncSession, ? extends CompletionStage<R>> work) {
        Worker.Scope<R> scope = new Worker.Scope<>(() -> { // doom what runs, then roll back as soon as it ends
            session.cancel();
            rollback();
        });
        CompletableFuture<Void> begun = worker.submit(() -> {
            session.begin();
            return null;
        });
        begun.thenCompose(v -> work.apply(this))
                .handle((r, ex) -> worker.submit(() -> endTransaction(r, ex, begun)))
                .thenCompose(f -> f)
                .whenComplete((r, ex) -> {
                    if (!scope.settle(r, ex)) {
                        worker.submit(() -> { // cancelled from outside: leave nothing doomed behind
                            if (!session.isClosed()) {
                                session.rollback();
                            }
                            return null;
                        });
                    }
                });
        return scope;
    }

    private <R> R endTransaction(R value, Throwable failure, CompletableFuture<Void> begun) {
        if (begun.isCompletedExceptionally()) { // begin() failed: the transaction is not ours to end
            throw Worker.unwrap(failure);
        }
        if (failure == null) {
            try {
                session.commit();
                return value;
            } catch (RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            }
        }
        RuntimeException e = Worker.unwrap(failure);
        rollbackQuietly(e);
        throw e;
    }

    private void rollbackQuietly(RuntimeException primary) {
        try {
            if (!session.isClosed()) {
                session.rollback();
            }
        } catch (RuntimeException re) {
            primary.addSuppressed(re);
        }
    }

    /** The session's state, for tests and diagnostics: read on the session's thread. */
    CompletableFuture<Boolean> inTransaction() {
        return worker.submit(session::inTransaction);
    }

    Session syncSession() {
        return session;
    }

    Worker worker() {
        return worker;
    }

    @Override
    public String toString() {
        return "AsyncSession(" + factory.engine().sync().url() + ")";
    }
}
