package org.jalchemy.asyncio;

import org.jalchemy.orm.SessionFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Makes {@link AsyncSession}s bound to one {@link AsyncEngine} with shared options (SQLAlchemy's
 * {@code async_sessionmaker}, or {@code sessionmaker(class_=AsyncSession)}):
 * {@code AsyncSessionFactory Session = AsyncSessionFactory.builder(engine).expireOnCommit(false).build();}.
 *
 * <p>Options are those of {@link SessionFactory}: {@code expireOnCommit} (default true) and
 * {@code autoflush} (default true). SQLAlchemy's async users turn {@code expire_on_commit} off
 * because reading an expired attribute would need I/O; jalchemy never loads on a field read
 * (expiry only refreshes an object when the session next meets its row), so either setting is safe
 * here.
 *
 * <p>Scopes: {@link #inTransaction} is {@code async with Session.begin() as session:} (commit when
 * the work's future completes, rollback when it fails, close either way); {@link #withSession} is
 * {@code async with Session() as session:} (close at the end, rolling back what was not
 * committed). Cancelling (or timing out) the future a scope returns dooms its transaction — the
 * running statement is cancelled and nothing of the scope is committed — and closes its session
 * as soon as the call running now ends, even when the work's own future never completes.
 *
 * <p>Immutable and thread-safe.
 */
public final class AsyncSessionFactory {
    private final AsyncEngine engine;
    private final SessionFactory sync;

    private AsyncSessionFactory(AsyncEngine engine, SessionFactory sync) {
        this.engine = engine;
        this.sync = sync;
    }

    /** A factory with default options. */
    public static AsyncSessionFactory bind(AsyncEngine engine) {
        return builder(engine).build();
    }

    public static Builder builder(AsyncEngine engine) {
        return new Builder(engine);
    }

    /** A new session; close it ({@link AsyncSession#close()}), or use {@link #withSession}. */
    public AsyncSession open() {
        return new AsyncSession(this, sync.open());
    }

    /**
     * Opens a session, begins a transaction and runs {@code work} (SQLAlchemy's
     * {@code async with Session.begin() as session:}): commits when the future it returns completes
     * normally, rolls back when it fails or {@code work} throws (the returned future then fails
     * with that exception), and closes the session either way.
     */
    public <R> CompletableFuture<R> inTransaction(Function<? super AsyncSession, ? extends CompletionStage<R>> work) {
        return scoped(s -> s.transaction(work));
    }

    /**
     * Opens a session, runs {@code work} and closes the session when its future completes (SQLAlchemy's
     * {@code async with Session() as session:}); what {@code work} did not commit is rolled back.
     */
    public <R> CompletableFuture<R> withSession(Function<? super AsyncSession, ? extends CompletionStage<R>> work) {
        return scoped(work);
    }

    private <R> CompletableFuture<R> scoped(Function<? super AsyncSession, ? extends CompletionStage<R>> work) {
        AsyncSession s = open();
        Worker.Scope<R> scope = new Worker.Scope<>(() -> { // doom what runs, then give the connection back at once
            s.syncSession().cancel();
            s.close();
        });
        CompletionStage<R> started;
        try {
            started = Objects.requireNonNull(work.apply(s), "the work returned no future");
        } catch (RuntimeException | Error e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((r, ex) -> s.close().whenComplete((v, closeFailure) -> {
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

    public AsyncEngine engine() {
        return engine;
    }

    /** The synchronous factory underneath (same engine and options), for code that runs plain ORM calls. */
    public SessionFactory sync() {
        return sync;
    }

    public boolean expireOnCommit() {
        return sync.expireOnCommit();
    }

    public boolean autoflush() {
        return sync.autoflush();
    }

    /** Options of an {@link AsyncSessionFactory}: those of {@link SessionFactory.Builder}. */
    public static final class Builder {
        private final AsyncEngine engine;
        private final SessionFactory.Builder sync;

        private Builder(AsyncEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.sync = SessionFactory.builder(engine.sync());
        }

        /** Expire every object at commit (default true). */
        public Builder expireOnCommit(boolean v) {
            sync.expireOnCommit(v);
            return this;
        }

        /** Flush before queries (default true). */
        public Builder autoflush(boolean v) {
            sync.autoflush(v);
            return this;
        }

        /** The N+1 diagnostic of {@link SessionFactory.Builder#warnOnNPlusOne}. */
        public Builder warnOnNPlusOne(int threshold) {
            sync.warnOnNPlusOne(threshold);
            return this;
        }

        /** The N+1 diagnostic of {@link SessionFactory.Builder#raiseOnNPlusOne}. */
        public Builder raiseOnNPlusOne(int threshold) {
            sync.raiseOnNPlusOne(threshold);
            return this;
        }

        public AsyncSessionFactory build() {
            return new AsyncSessionFactory(engine, sync.build());
        }
    }
}
