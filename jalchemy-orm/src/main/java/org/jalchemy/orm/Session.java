package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Result;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.PendingRollbackError;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Row1;
import org.jalchemy.sql.Select;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The ORM's unit of work and identity map over one database transaction at a time (SQLAlchemy's
 * {@code Session}). Objects are {@link #add added}, loaded ({@link #get}, {@link #query}), changed
 * as plain fields and {@link #delete deleted}; {@link #flush} writes the changes in foreign-key
 * order, {@link #commit} flushes and commits.
 *
 * <p><b>Not thread-safe:</b> one session per unit of work and thread. No thread-local holds it,
 * and no lock is held across database calls, so a session may move between (virtual) threads as
 * long as one thread uses it at a time. The one exception is {@link #cancel()}, which any thread
 * may call while another works with the session. Lazy loads run on the thread that touches the
 * attribute unless a {@link LazyLoadExecutor} says otherwise.
 *
 * <p><b>Transactions</b> autobegin: the first operation begins one, and the first statement
 * checks out a Core {@link Connection} from the engine. {@link #commit} and {@link #rollback}
 * end it and give the connection back; {@link #begin} starts one explicitly, {@link #beginNested}
 * sets a SAVEPOINT. {@link #close} rolls back what is left and detaches every object; a closed
 * session refuses further use.
 *
 * <p><b>Identity map:</b> within a session one row is one object. <b>Dirty tracking</b> is by
 * snapshot: at flush each persistent object's fields are compared with the values last loaded or
 * flushed, and only changed columns are UPDATEd. <b>Expiry</b> cannot intercept Java field reads:
 * an expired object keeps its field values until the session next meets its row (a query or
 * {@link #get} returning it, or {@link #refresh}), which then overwrites them.
 *
 * <p><b>Failures during flush</b> roll back the innermost transaction in the database (the
 * SAVEPOINT if one is open, else the whole transaction) and restore objects as {@link #rollback}
 * does, then rethrow. The failed transaction stays in place, inactive: {@link #commit},
 * {@link #flush}, queries and statements raise {@link PendingRollbackError} until the
 * application calls {@link #rollback} (or rolls back the failed {@link #beginNested} transaction),
 * as in SQLAlchemy. Without that step a later {@code commit()} would return normally although the
 * work flushed before the failure was already gone. Adding objects meanwhile is allowed; the
 * rollback discards them again.
 *
 * <p><b>A lost connection</b> fails the whole transaction the same way; {@link #rollback} then
 * succeeds quietly (the server rolled back already) and the session is reusable.
 *
 * <p>This interface is the session's public API; {@link SessionFactory#open()} returns the ORM's
 * implementation (in {@code org.jalchemy.orm.internal.session}, which applications never name).
 */
public interface Session extends AutoCloseable {

    /** The factory that opened this session. */
    SessionFactory factory();

    // ------------------------------------------------------------------ adding and removing objects

    /** Places a transient object in the session (pending until flushed); a no-op for objects it already holds. */
    void add(Object entity);

    /** {@link #add} for each object. */
    void addAll(Iterable<?> entities);

    /**
     * Marks a persistent object for deletion at the next flush. An object with a primary key that
     * this session does not hold is attached first (its fields are taken as the row's values).
     * Raises {@link InvalidRequestError} for pending and transient objects, which have no row.
     */
    void delete(Object entity);

    /** Removes an object from the session: pending ones become transient, persistent ones detached. */
    void expunge(Object entity);

    /** Expunges every object. */
    void expungeAll();

    /**
     * Copies the state of {@code entity} (typically detached, or built by hand with a key) onto the
     * session's object for the same row — loading it, or creating a pending one when there is no
     * row — and returns that object. {@code entity} itself is not attached.
     */
    <E> E merge(E entity);

    // ------------------------------------------------------------------ inspection

    /** The session's state for {@code entity}, or a transient/detached description when it is not in the session. */
    InstanceState inspect(Object entity);

    /** True when the session holds {@code entity} (pending, persistent or deleted). */
    boolean contains(Object entity);

    /** Pending objects, in the order they were added (SQLAlchemy's {@code session.new}). */
    List<Object> newObjects();

    /** Persistent objects whose fields differ from their snapshot (SQLAlchemy's {@code session.dirty}). */
    List<Object> dirtyObjects();

    /** Objects marked for deletion and not yet flushed (SQLAlchemy's {@code session.deleted}). */
    List<Object> deletedObjects();

    /** Number of objects in the identity map. */
    int identityMapSize();

    // ------------------------------------------------------------------ loading

    /**
     * The object of {@code type} with primary key {@code id} (one value, or an array/list for
     * composite keys): from the identity map without SQL when present (reloaded first if expired),
     * else by a SELECT. Empty when there is no such row, or the object is marked for deletion.
     */
    <E> Optional<E> get(Class<E> type, Object id);

    /**
     * {@link #get(Class, Object)} with loader options (SQLAlchemy's {@code session.get(User, 5,
     * options=[selectinload(User.posts)])}): the options also apply to an object already in the
     * identity map, loading its relationships that are not loaded yet.
     */
    <E> Optional<E> get(Class<E> type, Object id, LoaderOption<?>... options);

    /** A legacy query over {@code type} (SQLAlchemy's {@code session.query(User)}). */
    default <E> Query<E> query(Class<E> type) {
        return new Query<>(this, Mapper.of(type));
    }

    /** Reloads every column of a persistent object from its row, discarding unflushed changes. */
    void refresh(Object entity);

    /**
     * {@link #refresh(Object)} under a row lock: {@code SELECT ... FOR UPDATE [NOWAIT | SKIP LOCKED]}
     * of the object's row, held until the transaction ends (SQLAlchemy's
     * {@code refresh(obj, with_for_update=...)}). A row skipped as locked raises
     * {@link ObjectDeletedError} like a missing one, and the object leaves the session.
     */
    void refresh(Object entity, LockMode lock);

    /**
     * Loads only {@code attributes} of a persistent object from its row, one SELECT of those
     * columns: how a deferred column ({@code @Column(deferred = true)}, {@code defer}) is loaded.
     * Their unflushed changes are discarded; other fields are untouched.
     */
    void refresh(Object entity, org.jalchemy.orm.mapping.Attribute<?, ?>... attributes);

    /** Marks a persistent object expired: the next time the session meets its row it overwrites its fields. */
    void expire(Object entity);

    /** Expires every persistent object. */
    void expireAll();

    // ------------------------------------------------------------------ execution

    /**
     * Executes a Core statement on the session's connection, after autoflush. ORM-enabled bulk
     * UPDATE and DELETE ({@code Orm.update(User.class)}, {@code Orm.delete(User.class)}) then
     * synchronise the session by expiring every object of that entity: the next time the session
     * meets their rows it reloads them, and a deleted row drops its object from the session
     * (SQLAlchemy's {@code synchronize_session="fetch"}, made lazy).
     */
    Result execute(Executable statement);

    /** As {@link #execute(Executable)} with named parameters; for entity statements, attribute names work as keys. */
    Result execute(Executable statement, Map<String, ?> parameters);

    /**
     * Executes a statement once per parameter set (executemany). {@code session.execute(
     * Sql.insert(Orm.table(User.class)), rows)} is the ORM bulk INSERT: keys may be attribute names;
     * no objects are created, nothing enters the identity map.
     */
    Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets);

    /**
     * ORM bulk INSERT returning objects (SQLAlchemy's {@code session.scalars(insert(User).returning(User),
     * rows)}): {@code session.insertReturning(Orm.insert(User.class).returning(Orm.table(User.class)), rows)}
     * inserts in pages of multi-row {@code INSERT ... RETURNING} and returns the new rows as persistent
     * objects in the identity map (or plain values when not every column is returned).
     */
    OrmResult insertReturning(org.jalchemy.sql.Insert insert, List<? extends Map<String, ?>> rows);

    /**
     * Runs a SELECT — ORM-enabled ({@code Orm.select(User.class)}) or plain Core — after autoflush;
     * entity items of each row come back as objects through the identity map. The untyped view:
     * for a typed statement prefer {@link #scalars(Select)}, {@link #scalar(Select)} and
     * {@link #rows(Select)}.
     */
    OrmResult execute(Select<?> select);

    /**
     * The first item of each row, typed by the statement: {@code session.scalars(Orm.select(User.class))}
     * is a {@code ScalarResult<User>} (so assigning its {@code all()} to a {@code List<String>} does not
     * compile), {@code session.scalars(select(User_.name))} one of String; an untyped
     * {@code Select<Tuple>} gives Objects. No per-row check: javac checked the statement.
     */
    @SuppressWarnings("unchecked")
    default <T> OrmResult.ScalarResult<T> scalars(Select<? extends Row1<T>> select) {
        return (OrmResult.ScalarResult<T>) (OrmResult.ScalarResult<?>) execute(select).scalars();
    }

    /** First item of the first row of a SELECT (null when there is no row), typed by the statement. */
    @SuppressWarnings("unchecked")
    default <T> T scalar(Select<? extends Row1<T>> select) {
        return (T) execute(select).scalar();
    }

    /**
     * The rows of a SELECT typed as the statement's row shape: {@code session.rows(Orm.select(User.class,
     * func.count(Post_.id)).join(...).groupBy(...))} yields {@code Row2<User, Long>}s whose
     * {@code value1()} is the entity and {@code value2()} the count.
     */
    @SuppressWarnings("unchecked")
    default <R> OrmResult.ScalarResult<R> rows(Select<R> select) {
        return (OrmResult.ScalarResult<R>) (OrmResult.ScalarResult<?>) execute(select).rows();
    }

    /**
     * The Core connection of the current transaction, checked out (and the transaction begun) on
     * first use. Valid until commit, rollback or close. In a read/write-splitting session
     * ({@code SessionFactory.bind(engineSet)}) it is the primary's, and the rest of the
     * transaction reads from the primary too.
     */
    Connection connection();

    /**
     * Cancels what this session is doing; the one method any thread may call while another uses
     * the session. The statement its connection runs (or streams rows from) now is cancelled
     * ({@link Connection#cancel()}: JDBC {@code Statement.cancel}) and fails with an
     * {@link org.jalchemy.exc.OperationalError}, and the transaction is doomed: every further
     * statement, flush and {@link #commit()} of it raises until {@link #rollback()} (or
     * {@link #close()}), so cancelled work is never committed half-done. Called while no
     * transaction is open, it dooms the next one until {@link #rollback()}.
     */
    void cancel();

    /**
     * Makes this session's lazy loads run through {@code executor} (null: at once on the touching
     * thread, the default). For layers that confine the session to a thread of their own, like
     * jalchemy-async; see {@link LazyLoadExecutor} for the contract.
     */
    void lazyLoadExecutor(LazyLoadExecutor executor);

    // ------------------------------------------------------------------ flush

    /** Writes pending changes (inserts, updates, deletes) in foreign-key order; see the class comment for failures. */
    void flush();

    /** Runs {@code work} with autoflush off (SQLAlchemy's {@code with session.no_autoflush:}). */
    default void noAutoflush(Runnable work) {
        noAutoflush(() -> {
            work.run();
            return null;
        });
    }

    /** As {@link #noAutoflush(Runnable)}, returning a value. */
    <R> R noAutoflush(Supplier<R> work);

    // ------------------------------------------------------------------ transactions

    /** True while a transaction (explicit or autobegun) is open. */
    boolean inTransaction();

    /** True while a SAVEPOINT from {@link #beginNested} is open. */
    boolean inNestedTransaction();

    /**
     * Begins the transaction explicitly and returns its handle (use with try-with-resources and
     * call {@code commit()}). Raises when one is already begun, explicitly or by autobegin.
     */
    SessionTransaction begin();

    /** Flushes, then sets a SAVEPOINT; its handle's {@code rollback()} undoes only what followed. */
    SessionTransaction beginNested();

    /**
     * Runs {@code work} in a transaction of this session: commits when it returns, rolls back and
     * rethrows when it throws. Raises when a transaction is already begun.
     */
    default void inTransaction(Consumer<? super Session> work) {
        transaction(s -> {
            work.accept(s);
            return null;
        });
    }

    /** As {@link #inTransaction}, returning {@code work}'s result. */
    <R> R transaction(Function<? super Session, R> work);

    /** Flushes and commits the transaction (SAVEPOINTs included); expires every object when expireOnCommit. */
    void commit();

    /** Rolls back the transaction (SAVEPOINTs included) and restores objects: see {@link SessionTransaction}. */
    void rollback();

    // ------------------------------------------------------------------ lifecycle

    /** Rolls back what is still open, returns the connection and detaches every object. Idempotent. */
    @Override
    void close();

    /** True once {@link #close()} ran. */
    boolean isClosed();
}
