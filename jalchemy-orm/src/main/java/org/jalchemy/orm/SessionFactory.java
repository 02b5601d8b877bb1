package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineSet;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.orm.internal.session.SizeHints;
import org.jalchemy.orm.internal.unitofwork.CoreStatements;
import org.jalchemy.orm.internal.unitofwork.OrmStatements;

import org.jalchemy.sql.ColumnElement;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes {@link Session}s bound to one engine with shared options (SQLAlchemy's
 * {@code sessionmaker}): {@code SessionFactory Session = SessionFactory.bind(engine);
 * try (Session session = Session.open()) {...}}.
 *
 * <p>Options: {@code expireOnCommit} (default true) expires every object at commit;
 * {@code autoflush} (default true) flushes pending changes before queries. Immutable and
 * thread-safe; sessions themselves are not.
 *
 * <p>Read/write splitting: a factory built on an {@link EngineSet}
 * ({@code SessionFactory.bind(engineSet)}) gives sessions that write (flush, DML) on the set's
 * primary and run plain reads on a replica, with {@code FOR UPDATE}, everything after the
 * session's first write (read-your-writes) and statements with {@code bind("primary")} on the
 * primary; the set's {@code maxLag} sends reads to the primary while the replicas are behind.
 * The rules are on {@code Session}'s {@link Session#connection()} and in the guide
 * (docs/beyond-one-server.md). A factory bound to one engine has no routing and no cost for it.
 */
public final class SessionFactory {
    private final Engine engine;
    private final EngineSet engines;
    private final boolean expireOnCommit;
    private final OrmEvents events = new OrmEvents();
    private final boolean autoflush;
    private final boolean insertReturning;
    private final OrmStatements statements;
    private final SizeHints sizeHints = new SizeHints();
    private final int nPlusOneThreshold;
    private final boolean nPlusOneRaise;
    private final List<LoaderCriteria> loaderCriteria;

    /** A global criterion of {@link Builder#withLoaderCriteria}: rows of {@code type} (and subclasses) must match. */
    public record LoaderCriteria(Class<?> type,
                                 java.util.function.Function<org.jalchemy.sql.FromClause, ColumnElement<Boolean>> criteria) {
    }
    private final java.util.concurrent.CopyOnWriteArrayList<SessionListener> listenerList =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile java.util.List<SessionListener> listeners = java.util.List.of();

    private SessionFactory(Builder b) {
        this.loaderCriteria = List.copyOf(b.loaderCriteria);
        this.nPlusOneThreshold = b.nPlusOneThreshold;
        this.nPlusOneRaise = b.nPlusOneRaise;
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.engines = b.engines;
        this.expireOnCommit = b.expireOnCommit;
        this.autoflush = b.autoflush;
        this.insertReturning = b.insertReturning;
        this.statements = CoreStatements.INSTANCE;
    }

    /** A factory with default options. */
    public static SessionFactory bind(Engine engine) {
        return builder(engine).build();
    }

    public static Builder builder(Engine engine) {
        return new Builder(engine, null);
    }

    /**
     * A factory with default options whose sessions split reads and writes over {@code engines}:
     * writes and everything that must see them on the primary, plain reads on a replica.
     */
    public static SessionFactory bind(EngineSet engines) {
        return builder(engines).build();
    }

    /** A builder for a read/write-splitting factory over {@code engines} (see {@link #bind(EngineSet)}). */
    public static Builder builder(EngineSet engines) {
        return new Builder(engines.primary(), engines);
    }

    /**
     * Registers a listener for the sessions of this factory (those opened before too); closing the
     * returned handle removes it.
     */
    public org.jalchemy.engine.EngineEvents.Registration listen(SessionListener listener) {
        listenerList.add(listener);
        listeners = java.util.List.copyOf(listenerList);
        return () -> {
            listenerList.remove(listener);
            listeners = java.util.List.copyOf(listenerList);
        };
    }

    /** The registered listeners (an immutable snapshot). */
    public java.util.List<SessionListener> listeners() {
        return listeners;
    }

    /** A new session; close it (try-with-resources). */
    public Session open() {
        return new SessionImpl(this, statements, insertReturning(), sizeHints);
    }

    /**
     * Runs {@code work} in a new session inside a transaction: commits when it returns, rolls back
     * and rethrows when it throws, and closes the session either way (SQLAlchemy's
     * {@code with Session.begin() as session:}).
     */
    public void inTransaction(Consumer<? super Session> work) {
        transaction(s -> {
            work.accept(s);
            return null;
        });
    }

    /** As {@link #inTransaction}, returning {@code work}'s result. */
    public <R> R transaction(Function<? super Session, R> work) {
        try (Session s = open()) {
            return s.transaction(work);
        }
    }

    /**
     * {@link #transaction(Function)} that runs the whole unit of work again, in a new session, when
     * it fails with an error the policy retries: serialization failures, deadlocks, a connection
     * lost before COMMIT ({@link org.jalchemy.engine.RetryPolicy}). Each attempt starts from
     * scratch: load inside {@code work} what it needs, and keep no objects from a failed attempt
     * (they belong to a closed session). A COMMIT of unknown outcome is retried only for work the
     * policy declares idempotent. Add {@code retryOn(e -> e instanceof StaleDataError)} to the
     * policy to retry optimistic-locking conflicts as well.
     */
    public <R> R runTransaction(Function<? super Session, R> work, org.jalchemy.engine.RetryPolicy policy) {
        return policy.execute(attempt -> transaction(work));
    }

    /** {@link #runTransaction(Function, org.jalchemy.engine.RetryPolicy)} with {@code RetryPolicy.defaults()}. */
    public <R> R runTransaction(Function<? super Session, R> work) {
        return runTransaction(work, org.jalchemy.engine.RetryPolicy.defaults());
    }

    /** {@link #runTransaction(Function, org.jalchemy.engine.RetryPolicy)} for work that returns nothing. */
    public void runInTransaction(Consumer<? super Session> work, org.jalchemy.engine.RetryPolicy policy) {
        runTransaction(s -> {
            work.accept(s);
            return null;
        }, policy);
    }

    /** The engine sessions write to: the only one, or the primary of {@link #engines()}. */
    public Engine engine() {
        return engine;
    }

    /** The primary and replicas of a read/write-splitting factory; null for a factory bound to one engine. */
    public EngineSet engines() {
        return engines;
    }

    /** The global loader criteria, in registration order (empty for most factories). */
    public List<LoaderCriteria> loaderCriteria() {
        return loaderCriteria;
    }

    /** This factory's ORM events: entity lifecycle listeners and session listeners ({@link OrmEvents}). */
    public OrmEvents events() {
        return events;
    }

    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    public boolean autoflush() {
        return autoflush;
    }

    boolean insertReturning() {
        return insertReturning && engine.dialect().supportsReturning();
    }

    /** Lazy loads of one relationship allowed per session before the N+1 diagnostic reports; 0 = off. */
    public int nPlusOneThreshold() {
        return nPlusOneThreshold;
    }

    /** True when the N+1 diagnostic raises {@link NPlusOneError} instead of logging a warning. */
    public boolean nPlusOneRaise() {
        return nPlusOneRaise;
    }

    /** Options of a {@link SessionFactory}. */
    public static final class Builder {
        private final Engine engine;
        private final EngineSet engines;
        private boolean expireOnCommit = true;
        private final List<LoaderCriteria> loaderCriteria = new java.util.ArrayList<>();
        private boolean autoflush = true;
        private boolean insertReturning = true;
        private int nPlusOneThreshold;
        private boolean nPlusOneRaise;

        private Builder(Engine engine, EngineSet engines) {
            this.engine = engine;
            this.engines = engines;
        }

        /** Expire every object at commit (default true). */
        public Builder expireOnCommit(boolean v) {
            expireOnCommit = v;
            return this;
        }

        /**
         * A criterion every SELECT of {@code type}'s objects gets (SQLAlchemy's
         * {@code with_loader_criteria} applied to every statement): {@code session.execute(select(Post.class))}
         * as WHERE, relationship loads (lazy, selectin, references) as WHERE and joined loads in
         * their ON clause; the soft-delete recipe: {@code withLoaderCriteria(Post.class, t ->
         * t.c(Post_.deleted).eq(false))}. {@code criteria} receives the FROM clause to filter (the
         * entity's table or the alias a joined load uses), so take columns from it with
         * {@code t.c(attribute)}. {@code session.get} by key and {@code refresh} are not filtered,
         * nor are explicit joins of the class.
         */
        public <E> Builder withLoaderCriteria(Class<E> type,
                                              java.util.function.Function<org.jalchemy.sql.FromClause, ColumnElement<Boolean>> criteria) {
            org.jalchemy.orm.mapping.Mapper.of(type);
            loaderCriteria.add(new LoaderCriteria(type, Objects.requireNonNull(criteria, "criteria")));
            return this;
        }

        /** Flush before queries (default true). */
        public Builder autoflush(boolean v) {
            autoflush = v;
            return this;
        }

        /**
         * N+1 diagnostic: when one relationship is lazy-loaded more than {@code threshold} times in
         * one session, log a warning on the {@code jalchemy.orm.nplusone} logger naming the
         * relationship and the call site (once per relationship and session). Off by default.
         */
        public Builder warnOnNPlusOne(int threshold) {
            nPlusOneThreshold = requirePositive(threshold);
            nPlusOneRaise = false;
            return this;
        }

        /** As {@link #warnOnNPlusOne}, but raise {@link NPlusOneError} (for tests: make N+1 fail the build). */
        public Builder raiseOnNPlusOne(int threshold) {
            nPlusOneThreshold = requirePositive(threshold);
            nPlusOneRaise = true;
            return this;
        }

        private static int requirePositive(int n) {
            if (n < 1) {
                throw new org.jalchemy.exc.ArgumentError("N+1 threshold must be at least 1, got " + n);
            }
            return n;
        }

        /** Test hook: use JDBC generated keys even where the dialect has RETURNING. */
        Builder insertReturning(boolean v) {
            insertReturning = v;
            return this;
        }

        public SessionFactory build() {
            return new SessionFactory(this);
        }
    }
}
