package org.jalchemy.orm.shard;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Result;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.BindOption;
import org.jalchemy.orm.InstanceState;
import org.jalchemy.orm.LazyLoadExecutor;
import org.jalchemy.orm.LoaderOption;
import org.jalchemy.orm.LockMode;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.SessionTransaction;
import org.jalchemy.orm.internal.loading.RefImpl;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.orm.mapping.RelationshipProperty;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link Session} over several shards (SQLAlchemy's {@code ShardedSession}): one ordinary
 * session per shard, opened on first use, behind one facade.
 *
 * <p>Where things go:
 * <ul>
 *   <li>{@link #add}: an object already in a shard's session stays there; one that points to (or
 *   holds) an object of a shard joins that shard; otherwise the {@link ShardChooser} decides. The
 *   save-update cascade then adds its related objects to the same shard's session — a related
 *   object that another shard's session holds raises {@link InvalidRequestError}: relationships
 *   stay within one shard.</li>
 *   <li>{@link #get}: the {@link IdentityChooser}'s shards, identity maps first (no SQL), then one
 *   SELECT per shard in order until one has the row.</li>
 *   <li>{@link #execute(Select)}: the statement's {@code bind(shardId)}, else the
 *   {@link QueryChooser}'s shards; the same SELECT runs on each and the rows are merged: ORDER BY
 *   is applied again to the merged rows (each shard returns its first LIMIT + OFFSET rows, sorted),
 *   then OFFSET and LIMIT. Loader options and lazy loads of an object run on its own shard.
 *   Aggregates are not combined: {@code select(count())} gives one row per shard.</li>
 *   <li>{@link #flush}, {@link #commit}, {@link #rollback}: every shard session that was used, in
 *   shard order.</li>
 * </ul>
 *
 * <p>Identity: each shard has its own identity map, so the key of an object is
 * ({@code type}, primary key, shard) — {@link #identityKey(Object)}; two rows with the same primary
 * key on two shards are two objects.
 *
 * <p>Hazards: commit is not atomic across shards (one COMMIT per shard, in order; no two-phase
 * commit): a failure on the second shard leaves the first committed. Merged ORDER BY compares
 * values in Java (numbers, dates, and strings by code point — C collation; other collations may
 * order text differently than one server would). Primary keys from per-shard sequences collide
 * across shards: {@code get} then finds the first shard's row; prefer keys that say their shard
 * (UUIDs, ranges, an id service). {@link #beginNested} is per shard ({@link #shard(String)}).
 * Not thread-safe, like any session.
 */
public final class ShardedSession implements Session {
    private final ShardedSessionFactory factory;
    /** Shard id → that shard's session, opened on first use, in shard order. */
    private final Map<String, SessionImpl> sessions = new LinkedHashMap<>();
    private LazyLoadExecutor lazyLoadExecutor;
    private boolean closed;

    ShardedSession(ShardedSessionFactory factory) {
        this.factory = factory;
    }

    /** This session's factory. */
    public ShardedSessionFactory shardedFactory() {
        return factory;
    }

    /** The factory of the first shard (each shard has its own: {@link ShardedSessionFactory#factory(String)}). */
    @Override
    public SessionFactory factory() {
        return factory.factory(factory.shardIds().get(0));
    }

    /**
     * Shard {@code id}'s own session (opened now when it is not yet): for what runs on one shard
     * only, such as {@code beginNested()} or raw SQL on its connection.
     */
    public Session shard(String id) {
        return session(id);
    }

    private SessionImpl session(String id) {
        ensureOpen();
        SessionImpl s = sessions.get(id);
        if (s == null) {
            s = (SessionImpl) factory.factory(id).open();
            s.cascadeGuard(this::checkCascade);
            if (lazyLoadExecutor != null) {
                s.lazyLoadExecutor(lazyLoadExecutor);
            }
            sessions.put(id, s);
        }
        return s;
    }

    /** The shard holding {@code entity} (pending, persistent or deleted), or empty. */
    public Optional<String> shardOf(Object entity) {
        for (Map.Entry<String, SessionImpl> e : sessions.entrySet()) {
            if (e.getValue().contains(entity)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * The identity key of an object this session holds: class, primary key and shard. Raises
     * {@link InvalidRequestError} for an object it does not hold; the key is null while pending.
     */
    public IdentityKey identityKey(Object entity) {
        String shard = shardOf(entity).orElseThrow(() -> new InvalidRequestError("Instance "
                + Mapper.forObject(entity).entityName() + " is not in this sharded session"));
        return new IdentityKey(Mapper.forObject(entity).type(), sessions.get(shard).inspect(entity).identity(), shard);
    }

    /** Refuses to let a cascade pull into {@code into} an object another shard's session holds. */
    private void checkCascade(SessionImpl into, Object entity) {
        for (Map.Entry<String, SessionImpl> e : sessions.entrySet()) {
            if (e.getValue() != into && e.getValue().contains(entity)) {
                throw new InvalidRequestError("Instance " + describe(entity) + " belongs to shard '" + e.getKey()
                        + "', but an object related to it is in shard '" + idOf(into) + "': relationships stay within"
                        + " one shard (add the parent first, or choose the same shard for both)");
            }
        }
    }

    private String idOf(SessionImpl s) {
        for (Map.Entry<String, SessionImpl> e : sessions.entrySet()) {
            if (e.getValue() == s) {
                return e.getKey();
            }
        }
        return "?";
    }

    private static String describe(Object entity) {
        Mapper<?> m = Mapper.forObject(entity);
        Object id = m.identity(entity);
        return id == null ? m.entityName() + "(<no identity>)" : m.describe(id);
    }

    // ------------------------------------------------------------------ adding and removing objects

    @Override
    public void add(Object entity) {
        ensureOpen();
        if (shardOf(entity).isPresent()) {
            return;
        }
        Mapper<?> m = Mapper.forObject(entity);
        String shard = relatedShard(m, entity);
        if (shard == null) {
            shard = factory.shardChooser().shardFor(m, entity);
            if (shard == null) {
                throw new InvalidRequestError("The shard chooser gave no shard for " + describe(entity));
            }
        }
        session(shard).add(entity);
    }

    /** The shard of the first related object (reference or loaded collection element) a shard's session holds, or null. */
    private String relatedShard(Mapper<?> m, Object entity) {
        if (!m.hasRelationships() || sessions.isEmpty()) {
            return null;
        }
        for (RelationshipProperty rel : m.relationships()) {
            if (rel.isCollection()) {
                if (rel.get(entity) instanceof java.util.Collection<?> c) {
                    for (Object o : c) {
                        Optional<String> s = shardOf(o);
                        if (s.isPresent()) {
                            return s.get();
                        }
                    }
                }
            } else {
                Object ref = RefImpl.value(rel, entity);
                if (ref != null) {
                    Optional<String> s = shardOf(ref);
                    if (s.isPresent()) {
                        return s.get();
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void addAll(Iterable<?> entities) {
        for (Object e : entities) {
            add(e);
        }
    }

    @Override
    public void delete(Object entity) {
        holder(entity, "delete").delete(entity);
    }

    @Override
    public void expunge(Object entity) {
        holder(entity, "expunge").expunge(entity);
    }

    @Override
    public void expungeAll() {
        ensureOpen();
        for (SessionImpl s : sessions.values()) {
            s.expungeAll();
        }
    }

    /**
     * Merges into the shard that holds the object's row: the {@link IdentityChooser}'s shards are
     * searched for its key; a new row goes where the {@link ShardChooser} says.
     */
    @Override
    public <E> E merge(E entity) {
        ensureOpen();
        Mapper<E> m = Mapper.forObject(entity);
        Object id = m.identity(entity);
        if (id != null) {
            for (String shard : factory.identityChooser().shardsFor(m, id)) {
                if (session(shard).get(m.type(), id).isPresent()) {
                    return session(shard).merge(entity);
                }
            }
        }
        String shard = factory.shardChooser().shardFor(m, entity);
        return session(shard).merge(entity);
    }

    private SessionImpl holder(Object entity, String op) {
        ensureOpen();
        for (SessionImpl s : sessions.values()) {
            if (s.contains(entity)) {
                return s;
            }
        }
        throw new InvalidRequestError("Cannot " + op + " " + describe(entity) + ": the instance is not in this sharded "
                + "session (load it with get() or a query first)");
    }

    // ------------------------------------------------------------------ inspection

    @Override
    public InstanceState inspect(Object entity) {
        for (SessionImpl s : sessions.values()) {
            if (s.contains(entity)) {
                return s.inspect(entity);
            }
        }
        return session(factory.shardIds().get(0)).inspect(entity); // transient or detached: no session involved
    }

    @Override
    public boolean contains(Object entity) {
        return shardOf(entity).isPresent();
    }

    @Override
    public List<Object> newObjects() {
        List<Object> out = new ArrayList<>();
        sessions.values().forEach(s -> out.addAll(s.newObjects()));
        return out;
    }

    @Override
    public List<Object> dirtyObjects() {
        List<Object> out = new ArrayList<>();
        sessions.values().forEach(s -> out.addAll(s.dirtyObjects()));
        return out;
    }

    @Override
    public List<Object> deletedObjects() {
        List<Object> out = new ArrayList<>();
        sessions.values().forEach(s -> out.addAll(s.deletedObjects()));
        return out;
    }

    @Override
    public int identityMapSize() {
        int n = 0;
        for (SessionImpl s : sessions.values()) {
            n += s.identityMapSize();
        }
        return n;
    }

    // ------------------------------------------------------------------ loading

    /**
     * The object with primary key {@code id}: looked up in the identity maps of the
     * {@link IdentityChooser}'s shards, then by one SELECT per shard in the chooser's order until
     * one has the row.
     */
    @Override
    public <E> Optional<E> get(Class<E> type, Object id) {
        return get(type, id, new LoaderOption<?>[0]);
    }

    @Override
    public <E> Optional<E> get(Class<E> type, Object id, LoaderOption<?>... options) {
        ensureOpen();
        Mapper<E> m = Mapper.of(type);
        List<String> shards = factory.identityChooser().shardsFor(m, id);
        Object key = m.normalizeIdentity(id);
        for (String shard : shards) {
            SessionImpl s = sessions.get(shard);
            if (s != null && s.lookup(m, key) != null) {
                Optional<E> hit = s.get(type, id, options);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        for (String shard : shards) {
            Optional<E> found = session(shard).get(type, id, options);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public void refresh(Object entity) {
        holder(entity, "refresh").refresh(entity);
    }

    @Override
    public void refresh(Object entity, LockMode lock) {
        holder(entity, "refresh").refresh(entity, lock);
    }

    @Override
    public void refresh(Object entity, Attribute<?, ?>... attributes) {
        holder(entity, "refresh").refresh(entity, attributes);
    }

    @Override
    public void expire(Object entity) {
        holder(entity, "expire").expire(entity);
    }

    @Override
    public void expireAll() {
        ensureOpen();
        for (SessionImpl s : sessions.values()) {
            s.expireAll();
        }
    }

    // ------------------------------------------------------------------ execution

    /** The shards a statement runs on: its {@code bind(shardId)}, else the query chooser's. */
    private List<String> shardsFor(Executable statement) {
        if (statement instanceof Select<?> sel) {
            BindOption b = BindOption.in(sel.executableOptions());
            if (b != null) {
                factory.factory(b.name()); // raises for an unknown shard
                return List.of(b.name());
            }
        }
        List<String> shards = factory.queryChooser().shardsFor(statement);
        if (shards == null || shards.isEmpty()) {
            throw new InvalidRequestError("The query chooser gave no shard for " + statement);
        }
        return shards;
    }

    /**
     * Runs a SELECT on the shards it concerns and merges the rows (see the class comment): ORDER
     * BY, OFFSET and LIMIT hold for the merged result. The result is read into memory.
     */
    @Override
    public OrmResult execute(Select<?> select) {
        ensureOpen();
        List<String> shards = shardsFor(select);
        List<Session> targets = new ArrayList<>(shards.size());
        for (String shard : shards) {
            targets.add(session(shard));
        }
        BindOption b = BindOption.in(select.executableOptions());
        Select<?> run = select;
        if (b != null) { // consumed here: the shard's session would read it as one of its own engines
            List<org.jalchemy.sql.ExecutableOption> rest = new ArrayList<>(select.executableOptions());
            rest.remove(b);
            run = select.withOptions(rest);
        }
        return ShardMerge.run(targets, run, session(shards.get(0)).dialect);
    }

    /** A Core statement on every shard the query chooser gives; a statement without rows returns the summed row count. */
    @Override
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Executable statement, Map<String, ?> parameters) {
        ensureOpen();
        List<String> shards = shardsFor(statement);
        if (shards.size() == 1) {
            return session(shards.get(0)).execute(statement, parameters);
        }
        long rows = 0;
        for (String shard : shards) {
            try (Result r = session(shard).execute(statement, parameters)) {
                if (r.returnsRows()) {
                    throw new InvalidRequestError("A statement returning rows runs on several shards here; "
                            + "use execute(Select) (merged rows) or bind it to one shard");
                }
                rows += r.rowcount();
            }
        }
        return Result.ofRowcount(null, rows);
    }

    @Override
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        ensureOpen();
        List<String> shards = shardsFor(statement);
        long rows = 0;
        Result last = null;
        for (String shard : shards) {
            last = session(shard).execute(statement, parameterSets);
            rows += Math.max(0, last.rowcount());
        }
        return shards.size() == 1 ? last : Result.ofRowcount(null, rows);
    }

    /** Bulk INSERT ... RETURNING of new rows runs on one shard only: {@code shard(id).insertReturning(...)}. */
    @Override
    public OrmResult insertReturning(Insert insert, List<? extends Map<String, ?>> rows) {
        throw new InvalidRequestError("insertReturning on a sharded session: choose the shard, "
                + "session.shard(id).insertReturning(insert, rows)");
    }

    /** Raw connections are per shard: {@code shard(id).connection()}. */
    @Override
    public Connection connection() {
        throw new InvalidRequestError("A sharded session has one connection per shard: use shard(id).connection()");
    }

    @Override
    public void cancel() {
        for (SessionImpl s : sessions.values()) {
            s.cancel();
        }
    }

    @Override
    public void lazyLoadExecutor(LazyLoadExecutor executor) {
        this.lazyLoadExecutor = executor;
        for (SessionImpl s : sessions.values()) {
            s.lazyLoadExecutor(executor);
        }
    }

    // ------------------------------------------------------------------ flush and transactions

    @Override
    public void flush() {
        ensureOpen();
        for (SessionImpl s : sessions.values()) {
            s.flush();
        }
    }

    @Override
    public <R> R noAutoflush(Supplier<R> work) {
        List<SessionImpl> all = new ArrayList<>(sessions.values());
        return nest(all, 0, work);
    }

    private static <R> R nest(List<SessionImpl> all, int i, Supplier<R> work) {
        return i == all.size() ? work.get() : all.get(i).noAutoflush(() -> nest(all, i + 1, work));
    }

    @Override
    public boolean inTransaction() {
        for (SessionImpl s : sessions.values()) {
            if (s.inTransaction()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean inNestedTransaction() {
        for (SessionImpl s : sessions.values()) {
            if (s.inNestedTransaction()) {
                return true;
            }
        }
        return false;
    }

    /** A handle whose commit and rollback are this session's (every shard used). */
    @Override
    public SessionTransaction begin() {
        ensureOpen();
        if (inTransaction()) {
            throw new InvalidRequestError("A transaction is already begun on this sharded session; commit() or "
                    + "rollback() it first");
        }
        return new ShardedTransaction(this);
    }

    @Override
    public SessionTransaction beginNested() {
        throw new InvalidRequestError("SAVEPOINTs are per shard: session.shard(id).beginNested()");
    }

    @Override
    public <R> R transaction(Function<? super Session, R> work) {
        ensureOpen();
        try {
            R r = work.apply(this);
            commit();
            return r;
        } catch (RuntimeException | Error e) {
            try {
                rollback();
            } catch (RuntimeException re) {
                e.addSuppressed(re);
            }
            throw e;
        }
    }

    /**
     * Flushes every shard used, then commits them one by one in shard order. Not atomic: when a
     * COMMIT fails, the shards before it stay committed and the rest are rolled back.
     */
    @Override
    public void commit() {
        ensureOpen();
        flush();
        RuntimeException failure = null;
        for (SessionImpl s : sessions.values()) {
            if (failure == null) {
                try {
                    s.commit();
                } catch (RuntimeException e) {
                    failure = e;
                }
            } else {
                try {
                    s.rollback();
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void rollback() {
        ensureOpen();
        everyShard(SessionImpl::rollback);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        everyShard(SessionImpl::close);
    }

    /** Runs {@code action} on every shard session used, even after one fails; rethrows the first failure, the others suppressed. */
    private void everyShard(java.util.function.Consumer<SessionImpl> action) {
        RuntimeException failure = null;
        for (SessionImpl s : sessions.values()) {
            try {
                action.accept(s);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new org.jalchemy.exc.ResourceClosedError("This ShardedSession is closed; open a new one with factory.open()");
        }
    }

    @Override
    public String toString() {
        return "ShardedSession(" + factory.shardIds() + ", open shards " + sessions.keySet() + (closed ? ", closed" : "") + ")";
    }

    /** {@link ShardedSession#begin()}'s handle. */
    private static final class ShardedTransaction implements SessionTransaction {
        private final ShardedSession session;
        private boolean active = true;

        ShardedTransaction(ShardedSession session) {
            this.session = session;
        }

        @Override
        public void commit() {
            if (!active) {
                throw new InvalidRequestError("This transaction is inactive (already committed or rolled back)");
            }
            active = false;
            session.commit();
        }

        @Override
        public void rollback() {
            if (active) {
                active = false;
                session.rollback();
            }
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public boolean isFailed() {
            return false;
        }

        @Override
        public boolean isNested() {
            return false;
        }

        @Override
        public void close() {
            rollback();
        }
    }
}
