package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.internal.unitofwork.Cascades;
import org.jalchemy.orm.internal.loading.CollectionState;
import org.jalchemy.orm.DetachedInstanceError;
import org.jalchemy.orm.internal.loading.InstrumentedList;
import org.jalchemy.orm.internal.loading.InstrumentedSet;
import org.jalchemy.orm.LazyLoadExecutor;
import org.jalchemy.orm.LoaderOption;
import org.jalchemy.orm.internal.loading.Loading;
import org.jalchemy.orm.ObjectDeletedError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Orm;
import org.jalchemy.orm.internal.loading.OrmResultImpl;
import org.jalchemy.orm.Query;
import org.jalchemy.orm.internal.loading.RefImpl;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.SessionTransaction;
import org.jalchemy.orm.internal.unitofwork.UnitOfWork;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.PendingRollbackError;
import org.jalchemy.exc.ResourceClosedError;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.orm.internal.unitofwork.Criterion;
import org.jalchemy.orm.internal.unitofwork.OrmStatements;
import org.jalchemy.sql.Compiled;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.DmlBase;
import org.jalchemy.orm.mapping.MappedTable;
import org.jalchemy.sql.Select;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The ORM's {@link Session}: the identity map, the per-object states and the transaction stack
 * of one session, and the operations that change them. {@link SessionFactory#open()} makes one;
 * applications see it only as a {@code Session} (whose Javadoc states the behaviour).
 *
 * <p>What it holds, and the invariants the other internal packages rely on:
 * <ul>
 *   <li>{@link #identityMap}: per mapper, identity → state for every object with a row in this
 *   session (persistent ones, and deleted ones until their DELETE is flushed). Every state there
 *   is also in {@link #states}.</li>
 *   <li>{@link #states}: object → state for every object the session holds (pending, persistent,
 *   deleted), by object identity ({@link StateIndex}).</li>
 *   <li>{@link #pending}: added and not yet inserted, in add order; {@link #toDelete}: marked for
 *   deletion and not yet flushed.</li>
 *   <li>The root {@link SessionTransactionImpl} (autobegun) and a stack of SAVEPOINTs; each records
 *   what it added, inserted and deleted so a rollback can restore memory.</li>
 * </ul>
 *
 * <p>Statements: {@code get} on a miss and {@code refresh} run one SELECT by primary key;
 * {@code flush} hands over to {@link UnitOfWork}; {@code execute(select)} runs the statement as
 * given, or rewritten by {@link Loading#joined} for joined eager loads, and hydrates rows through
 * {@link OrmResultImpl}. Not thread-safe except {@link #cancel()} (see {@link Session}).
 */
public final class SessionImpl implements Session {
    public final SessionFactory factory;
    public final Dialect dialect;
    public final OrmStatements statements;
    /** Volatile for {@link #cancel()}, which reads it from another thread. */
    private volatile Connection connection;
    /** Set by {@link #cancel()} (any thread); cleared when the transaction is rolled back. */
    private volatile boolean cancelled;
    private LazyLoadExecutor lazyLoadExecutor;
    public final Map<Mapper<?>, Map<Object, InstanceStateImpl>> identityMap = new HashMap<>();
    /** object → state for every object in the session; see {@link StateIndex} for how it avoids identity hashing. */
    public final StateIndex states;
    /** The factory's record of how large sessions grew: sizes this session's maps (see {@link SizeHints}). */
    private final SizeHints sizeHints;
    public final PendingSet pending = new PendingSet();
    private boolean closing;
    public final LinkedHashSet<InstanceStateImpl> toDelete = new LinkedHashSet<>();
    private SessionTransactionImpl root;
    private final Deque<SessionTransactionImpl> nested = new ArrayDeque<>();
    private int noAutoflush;
    private boolean flushing;
    private boolean closed;
    private Loading loading;
    /** Set once an object with relationships enters the session: flushes then process dependencies. */
    public boolean relationshipsInUse;
    /** Objects this session made transient while they carried a key (rolled-back INSERTs), for {@link #inspect}. */
    private WeakIdentityStates madeTransient;
    /** Flushes so far (UnitOfWork's flush id). */
    public int flushes;
    /** A relationship collection changed since the last flush (cheap test for lazy loads' autoflush). */
    public boolean collectionsChanged;

    /** The factory's option (a test hook turns it off): multi-row INSERT ... RETURNING where the dialect has it. */
    public final boolean insertReturning;
    /** Read/write splitting over the factory's EngineSet; null for a factory bound to one engine. */
    private final ReadRouting routing;
    /** See {@link #cascadeGuard(java.util.function.BiConsumer)}; null for most sessions. */
    private java.util.function.BiConsumer<SessionImpl, Object> cascadeGuard;

    /** A new session of {@code factory}; {@code statements} and {@code insertReturning} are the factory's internals. */
    public SessionImpl(SessionFactory factory, OrmStatements statements, boolean insertReturning, SizeHints sizeHints) {
        this.factory = factory;
        this.sizeHints = sizeHints;
        this.states = new StateIndex(identityMap, sizeHints.states());
        this.dialect = factory.engine().dialect();
        this.statements = statements;
        this.insertReturning = insertReturning;
        this.routing = factory.engines() == null ? null : new ReadRouting(factory.engines());
    }

    public SessionFactory factory() {
        return factory;
    }

    // ------------------------------------------------------------------ adding and removing objects

    /** Places a transient object in the session (pending until flushed); a no-op for objects it already holds. */
    public void add(Object entity) {
        ensureOpen();
        Objects.requireNonNull(entity, "entity");
        InstanceStateImpl st = states.get(entity);
        if (st != null) {
            return;
        }
        Mapper<?> m = Mapper.forObject(entity);
        if (madeTransient != null) {
            madeTransient.remove(entity);
        }
        st = new InstanceStateImpl(entity, m, ObjectState.PENDING, this);
        states.put(entity, st);
        pending.add(st);
        current().added.add(st);
        if (m.hasRelationships()) {
            loading().adopt(st); // save-update cascade and the other sides of its relationships
        }
    }

    /** {@link #add} reached through a relationship's save-update cascade. */
    public void cascadeAdd(Object entity) {
        if (cascadeGuard != null && !states.containsKey(entity)) {
            cascadeGuard.accept(this, entity);
        }
        add(entity);
    }

    /**
     * Checks each object a cascade is about to add to this session (the shards of a
     * {@code ShardedSession} refuse objects another shard's session holds); null: none.
     */
    public void cascadeGuard(java.util.function.BiConsumer<SessionImpl, Object> guard) {
        this.cascadeGuard = guard;
    }

    /** The session's relationship loader. */
    public Loading loading() {
        if (loading == null) {
            loading = new Loading(this);
        }
        return loading;
    }

    /** {@link #add} for each object. */
    public void addAll(Iterable<?> entities) {
        if (entities instanceof java.util.Collection<?> c && c.size() > 64) {
            ensureOpen(); // as add() would for the first object, before anything is reserved
            states.reserve(c.size());
            pending.reserve(c.size());
            current().added.ensureCapacity(current().added.size() + c.size());
        }
        for (Object e : entities) {
            add(e);
        }
    }

    /**
     * Marks a persistent object for deletion at the next flush. An object with a primary key that
     * this session does not hold is attached first (its fields are taken as the row's values).
     * Raises {@link InvalidRequestError} for pending and transient objects, which have no row.
     */
    public void delete(Object entity) {
        ensureOpen();
        InstanceStateImpl st = states.get(entity);
        if (st == null) {
            Mapper<?> m = Mapper.forObject(entity);
            Object id = m.identity(entity);
            if (id == null) {
                throw new InvalidRequestError("Instance " + m.entityName() + "(<no identity>) is not persisted; "
                        + "there is no row to delete");
            }
            InstanceStateImpl existing = lookup(m, id);
            if (existing != null) {
                throw new InvalidRequestError("Cannot delete " + m.describe(id) + ": this session already holds another "
                        + "object for that row; delete that one (session.get(" + m.entityName() + ".class, " + id + "))");
            }
            st = attach(entity, m, id);
        }
        if (st.state == ObjectState.PENDING) {
            throw new InvalidRequestError("Instance " + st.describe() + " is pending, not persisted; use expunge() "
                    + "to discard it");
        }
        if (st.state == ObjectState.PERSISTENT && !st.markedForDeletion) {
            current();
            st.markedForDeletion = true;
            toDelete.add(st);
        }
    }

    private InstanceStateImpl attach(Object entity, Mapper<?> m, Object id) {
        current();
        InstanceStateImpl st = new InstanceStateImpl(entity, m, ObjectState.PERSISTENT, this);
        st.identity = id;
        st.snapshot = st.currentValues();
        states.put(entity, st);
        identityMap(m).put(id, st);
        return st;
    }

    /** Removes an object from the session: pending ones become transient, persistent ones detached. */
    public void expunge(Object entity) {
        ensureOpen();
        InstanceStateImpl st = requireIn(entity, "expunge");
        for (Object related : Cascades.related(st, org.jalchemy.orm.annotations.Relationship.Cascade.EXPUNGE)) {
            if (related != entity && states.containsKey(related)) {
                expunge(related);
            }
        }
        forget(st, st.state == ObjectState.PENDING ? ObjectState.TRANSIENT : ObjectState.DETACHED);
    }

    /** Expunges every object. */
    public void expungeAll() {
        ensureOpen();
        detachAll();
    }

    /** Detaches every object at once (pending ones become transient): one pass, then the maps are cleared. */
    private void detachAll() {
        for (InstanceStateImpl st : states.values()) {
            st.state = st.state == ObjectState.PENDING ? ObjectState.TRANSIENT : ObjectState.DETACHED;
            if (st.state == ObjectState.TRANSIENT) {
                rememberTransient(st);
            }
            st.markedForDeletion = false;
            st.session = null;
        }
        recordSizes();
        states.clear();
        identityMap.clear();
        pending.clear();
        toDelete.clear();
    }

    /**
     * {@link #detachAll()} for a session that is now closed: only pending objects and those marked
     * for deletion are visited; every other state keeps its fields and reads as detached through
     * its closed session. The maps are dropped, not emptied entry by entry.
     */
    private void detachOnClose() {
        for (InstanceStateImpl st : pending) {
            st.state = ObjectState.TRANSIENT;
            rememberTransient(st);
            st.session = null;
        }
        for (InstanceStateImpl st : toDelete) {
            st.markedForDeletion = false;
        }
        recordSizes();
        states.clear();
        identityMap.clear();
        pending.clear();
        toDelete.clear();
    }

    /** Before the maps are dropped: large ones tell {@link SizeHints} how large the next session's may grow. */
    private void recordSizes() {
        if (states.size() < SizeHints.FROM) {
            return; // no map holds more states than the index
        }
        for (Map<Object, InstanceStateImpl> im : identityMap.values()) {
            if (im instanceof IdentityMap m) {
                m.recordSize();
            }
        }
    }

    public void forget(InstanceStateImpl st, ObjectState newState) {
        states.removeState(st);
        pending.remove(st);
        toDelete.remove(st);
        if (st.identity != null) {
            Map<Object, InstanceStateImpl> im = identityMap.get(st.mapper.identityBase());
            if (im != null && im.get(st.identity) == st) {
                im.remove(st.identity);
            }
        }
        st.state = newState;
        st.markedForDeletion = false;
        st.session = null;
        if (newState == ObjectState.TRANSIENT) {
            rememberTransient(st);
        } else if (madeTransient != null) {
            madeTransient.remove(st.object);
        }
    }

    /**
     * Keeps a weak note of an object made transient while it carries a key (its INSERT was rolled
     * back, or it was pending with a key the application gave it), so {@link #inspect} reports
     * TRANSIENT rather than guessing DETACHED from the key.
     */
    private void rememberTransient(InstanceStateImpl st) {
        if (st.mapper.identity(st.object) == null) {
            return; // inspect's guess is right anyway
        }
        if (madeTransient == null) {
            madeTransient = new WeakIdentityStates();
        }
        madeTransient.put(st.object, st);
    }

    /**
     * Copies the state of {@code entity} (typically detached, or built by hand with a key) onto the
     * session's object for the same row — loading it, or creating a pending one when there is no
     * row — and returns that object. {@code entity} itself is not attached.
     */
    public <E> E merge(E entity) {
        return merge(entity, new java.util.IdentityHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private <E> E merge(E entity, Map<Object, Object> memo) {
        ensureOpen();
        if (states.containsKey(entity)) {
            return entity;
        }
        Object done = memo.get(entity);
        if (done != null) {
            return (E) done;
        }
        Mapper<E> m = Mapper.forObject(entity);
        Object id = m.identity(entity);
        E target = id == null ? null : get(m.type(), id).orElse(null);
        memo.put(entity, target == null ? entity : target);
        if (target == null) {
            target = m.newInstance();
            memo.put(entity, target);
            copy(m, entity, target);
            add(target);
        } else {
            copy(m, entity, target);
        }
        if (m.hasRelationships()) {
            mergeRelationships(m, entity, target, memo);
        }
        return target;
    }

    /** The merge cascade: related objects reachable from {@code from} are merged and placed on {@code to}. */
    @SuppressWarnings("unchecked")
    private void mergeRelationships(Mapper<?> m, Object from, Object to, Map<Object, Object> memo) {
        for (org.jalchemy.orm.mapping.RelationshipProperty rel : m.relationships()) {
            if (!rel.resolved().cascades(org.jalchemy.orm.annotations.Relationship.Cascade.MERGE)) {
                continue;
            }
            Object src = rel.get(from);
            if (rel.isCollection()) {
                if (src == null || src instanceof InstrumentedList<?> l && !l.isLoaded()
                        || src instanceof InstrumentedSet<?> s && !s.isLoaded()) {
                    continue; // nothing was loaded on the source: leave the target's collection alone
                }
                List<Object> merged = new ArrayList<>();
                for (Object o : (java.util.Collection<Object>) src) {
                    merged.add(merge(o, memo));
                }
                java.util.Collection<Object> target = (java.util.Collection<Object>) rel.get(to);
                if (target == null) {
                    rel.set(to, rel.isSet() ? new java.util.LinkedHashSet<>(merged) : merged);
                } else if (!new ArrayList<>(target).equals(merged)) {
                    target.clear();
                    target.addAll(merged);
                }
            } else if (RefImpl.loadedOn(rel, from)) {
                Object v = RefImpl.value(rel, from);
                RefImpl.assign(rel, to, v == null ? null : merge(v, memo));
            }
        }
    }

    private static void copy(Mapper<?> m, Object from, Object to) {
        for (ColumnProperty p : m.properties()) {
            p.set(to, p.get(from));
        }
    }

    // ------------------------------------------------------------------ inspection

    /** The session's state for {@code entity}, or a transient/detached description when it is not in the session. */
    public InstanceStateImpl inspect(Object entity) {
        InstanceStateImpl st = states.get(entity);
        if (st != null) {
            return st;
        }
        if (madeTransient != null) {
            st = madeTransient.get(entity);
            if (st != null && st.state == ObjectState.TRANSIENT) {
                return st;
            }
        }
        return InstanceStateImpl.outside(entity, Mapper.forObject(entity));
    }

    /** True when the session holds {@code entity} (pending, persistent or deleted). */
    public boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    /** Pending objects, in the order they were added (SQLAlchemy's {@code session.new}). */
    public List<Object> newObjects() {
        return pending.stream().map(s -> s.object).toList();
    }

    /** Persistent objects whose fields differ from their snapshot (SQLAlchemy's {@code session.dirty}). */
    public List<Object> dirtyObjects() {
        List<Object> out = new ArrayList<>();
        for (InstanceStateImpl st : states.values()) {
            if (st.state == ObjectState.PERSISTENT && !st.markedForDeletion && !st.modifiedAttributes().isEmpty()) {
                out.add(st.object);
            }
        }
        return out;
    }

    /** Objects marked for deletion and not yet flushed (SQLAlchemy's {@code session.deleted}). */
    public List<Object> deletedObjects() {
        return toDelete.stream().map(s -> s.object).toList();
    }

    /** Number of objects in the identity map. */
    public int identityMapSize() {
        int n = 0;
        for (Map<Object, InstanceStateImpl> m : identityMap.values()) {
            n += m.size();
        }
        return n;
    }

    // ------------------------------------------------------------------ loading

    /**
     * The object of {@code type} with primary key {@code id} (one value, or an array/list for
     * composite keys): from the identity map without SQL when present (reloaded first if expired),
     * else by a SELECT. Empty when there is no such row, or the object is marked for deletion.
     */
    public <E> Optional<E> get(Class<E> type, Object id) {
        ensureOpen();
        Mapper<E> m = Mapper.of(type);
        Object key = m.normalizeIdentity(id);
        InstanceStateImpl st = lookup(m, key);
        if (st != null) {
            if (st.markedForDeletion || st.state == ObjectState.DELETED) {
                return Optional.empty();
            }
            if (!type.isInstance(st.object)) { // the row is of another class of the hierarchy (SQLAlchemy: None)
                return Optional.empty();
            }
            if (st.expired && !reload(st)) {
                return Optional.empty();
            }
            return Optional.of(type.cast(st.object));
        }
        autoflush();
        List<E> found = plainKeyLoad(m) ? load(m, statements.select(dialect, m, pkCriteria(m, key)), pkValues(m, key))
                : load(m, keySelect(m, key, m.selectable(), List.of(m.selectable())));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * {@link #get(Class, Object)} with loader options (SQLAlchemy's {@code session.get(User, 5,
     * options=[selectinload(User.posts)])}): the options also apply to an object already in the
     * identity map, loading its relationships that are not loaded yet.
     */
    public <E> Optional<E> get(Class<E> type, Object id, LoaderOption<?>... options) {
        Optional<E> found = get(type, id);
        if (options.length > 0 && found.isPresent()) {
            InstanceStateImpl st = states.get(found.get());
            if (st != null && st.collections != null) {
                st.staleRefs = -1L; // re-resolve references per the options too
                loading().finish(List.of(st), Loading.Plan.of(List.of(options)), java.util.Set.of());
            }
        }
        return found;
    }

    @Override
    public <E> Query<E> query(Class<E> type) {
        ensureOpen();
        return Session.super.query(type);
    }

    /** Reloads every column of a persistent object from its row, discarding unflushed changes. */
    public void refresh(Object entity) {
        ensureOpen();
        InstanceStateImpl st = requirePersistent(entity, "refresh");
        for (Object related : Cascades.related(st, org.jalchemy.orm.annotations.Relationship.Cascade.REFRESH_EXPIRE)) {
            InstanceStateImpl rs = states.get(related);
            if (rs != null && rs != st && rs.state == ObjectState.PERSISTENT) {
                rs.expired = true;
                unloadRelationships(rs);
            }
        }
        unloadRelationships(st);
        if (!reload(st)) {
            throw new ObjectDeletedError("Instance " + st.describe() + " has been deleted, or its row is otherwise "
                    + "not present" + criteriaNote(st.mapper) + "; it is no longer in the session");
        }
    }

    public void refresh(Object entity, org.jalchemy.orm.LockMode lock) {
        ensureOpen();
        InstanceStateImpl st = requirePersistent(entity, "refresh");
        unloadRelationships(st);
        Select<?> sel = ownRowSelect(st.mapper, st.identity);
        if (lock != null) {
            sel = sel.forUpdate(lock.nowait(), lock.skipLocked());
        }
        try (Result r = readConnection(sel).execute(sel)) {
            Optional<Row> row = r.first();
            if (row.isEmpty()) {
                forget(st, ObjectState.DETACHED);
                throw new ObjectDeletedError("Instance " + st.describe() + " has been deleted, or its row is otherwise "
                        + "not present" + (lock != null && lock.skipLocked() ? " (or locked by another transaction: "
                        + "SKIP LOCKED)" : "") + criteriaNote(st.mapper) + "; it is no longer in the session");
            }
            populate(st, row.get().toArray());
        }
    }

    public void refresh(Object entity, org.jalchemy.orm.mapping.Attribute<?, ?>... attributes) {
        ensureOpen();
        InstanceStateImpl st = requirePersistent(entity, "refresh");
        if (attributes.length == 0) {
            refresh(entity);
            return;
        }
        List<org.jalchemy.sql.ColumnsClauseRole> cols = new ArrayList<>();
        for (org.jalchemy.orm.mapping.Attribute<?, ?> a : attributes) {
            if (!a.mapper().isAncestorOf(st.mapper)) {
                throw new org.jalchemy.exc.ArgumentError("refresh(" + st.describe() + ", ...): " + a.mapper().entityName()
                        + "." + a.key() + " is not an attribute of " + st.mapper.entityName());
            }
            cols.add(st.mapper.attribute(a.key()));
        }
        try (Result r = readConnection().execute(keySelect(st.mapper, st.identity, st.mapper.ownSelectable(), cols))) {
            Optional<Row> row = r.first();
            if (row.isEmpty()) {
                forget(st, ObjectState.DETACHED);
                throw new ObjectDeletedError("Instance " + st.describe() + " has been deleted, or its row is otherwise "
                        + "not present" + criteriaNote(st.mapper) + "; it is no longer in the session");
            }
            Object[] values = row.get().toArray();
            Object[] snap = st.snapshot.clone();
            for (int i = 0; i < attributes.length; i++) {
                ColumnProperty p = attributes[i].property();
                p.set(st.object, values[i]);
                snap[p.index()] = values[i];
                if (p.index() < 64) {
                    st.unloaded &= ~(1L << p.index());
                }
            }
            st.snapshot = snap;
        }
    }

    /**
     * {@code SELECT cols FROM from WHERE <primary key> = key}, with the entity's criteria: the
     * discriminator of a single-table subclass and the factory's loader criteria (which apply to
     * get and refresh as to queries; SQLAlchemy's {@code with_loader_criteria} travels with the
     * loaded objects into their refreshes). {@code from} is written out only for inheritance
     * (a joined subclass's columns are in several tables), so plain entities' SQL is unchanged.
     */
    private Select<?> keySelect(Mapper<?> m, Object identity, org.jalchemy.sql.FromClause from,
                                List<? extends org.jalchemy.sql.ColumnsClauseRole> cols) {
        Object[] key = pkValues(m, identity);
        List<org.jalchemy.sql.ColumnElement<Boolean>> where = new ArrayList<>();
        for (int i = 0; i < key.length; i++) {
            where.add(m.attribute(m.primaryKey(i).name()).eqAny(key[i]));
        }
        Select<?> sel = org.jalchemy.sql.Sql.select(cols).where(org.jalchemy.sql.Sql.and(where));
        if (m.hierarchy() != null) {
            sel = sel.selectFrom(from);
        }
        return entityCriteria(sel, m, from);
    }

    /** {@code SELECT <every column of m> ... WHERE key}: the row of one object of exactly {@code m}. */
    private Select<?> ownRowSelect(Mapper<?> m, Object identity) {
        return m.hierarchy() == null ? keySelect(m, identity, m.table(), List.of(m.table()))
                : keySelect(m, identity, m.ownSelectable(), m.attributes());
    }

    /** True when loading {@code m} by key can use the precompiled statement: no inheritance, no loader criteria. */
    public boolean plainKeyLoad(Mapper<?> m) {
        return m.hierarchy() == null && !hasLoaderCriteria(m);
    }

    private boolean hasLoaderCriteria(Mapper<?> m) {
        for (SessionFactory.LoaderCriteria c : factory.loaderCriteria()) {
            if (c.type().isAssignableFrom(m.type())) {
                return true;
            }
        }
        return false;
    }

    private String criteriaNote(Mapper<?> m) {
        return hasLoaderCriteria(m) ? " (or filtered out by the factory's loader criteria for " + m.entityName() + ")" : "";
    }

    /** Marks a persistent object expired: the next time the session meets its row it overwrites its fields. */
    public void expire(Object entity) {
        ensureOpen();
        InstanceStateImpl st = requirePersistent(entity, "expire");
        st.expired = true;
        for (Object related : Cascades.related(st, org.jalchemy.orm.annotations.Relationship.Cascade.REFRESH_EXPIRE)) {
            InstanceStateImpl rs = states.get(related);
            if (rs != null && rs.state == ObjectState.PERSISTENT) {
                rs.expired = true;
                unloadRelationships(rs);
            }
        }
        unloadRelationships(st);
    }

    /** Collections of {@code st} load again on next access; single references are re-resolved when the row is met again. */
    static void unloadRelationships(InstanceStateImpl st) {
        if (st.collections == null) {
            return;
        }
        for (CollectionState cs : st.collections) {
            if (cs != null && cs.installed()) {
                cs.unload();
            }
        }
        for (org.jalchemy.orm.mapping.RelationshipProperty rel : st.mapper.relationships()) {
            if (rel.isRef() && rel.get(st.object) instanceof RefImpl<?> ref && ref.owner == st) {
                ref.unload();
            }
        }
        st.staleRefs = -1L;
    }

    /** Expires every persistent object. */
    public void expireAll() {
        ensureOpen();
        for (InstanceStateImpl st : states.values()) {
            if (st.state == ObjectState.PERSISTENT) {
                st.expired = true;
                unloadRelationships(st);
            }
        }
    }

    private boolean reload(InstanceStateImpl st) {
        Mapper<?> m = st.mapper;
        try (Result r = plainKeyLoad(m)
                ? readConnection().executeCompiled(statements.select(dialect, m, pkCriteria(m, st.identity)),
                        pkValues(m, st.identity))
                : readConnection().execute(ownRowSelect(m, st.identity))) {
            Optional<Row> row = r.first();
            if (row.isEmpty()) {
                forget(st, ObjectState.DETACHED);
                return false;
            }
            populate(st, row.get().toArray());
            return true;
        }
    }

    static List<Criterion> pkCriteria(Mapper<?> m, Object key) {
        List<Criterion> out = new ArrayList<>(m.primaryKeySize());
        Object[] values = pkValues(m, key);
        for (int i = 0; i < values.length; i++) {
            out.add(new Criterion(m.primaryKey(i), values[i]));
        }
        return out;
    }

    static Object[] pkValues(Mapper<?> m, Object key) {
        return m.primaryKeySize() == 1 ? new Object[]{key} : ((List<?>) key).toArray();
    }

    /** Runs a compiled entity SELECT (all columns of {@code m}, in mapper order) and hydrates through the identity map. */
    <E> List<E> load(Mapper<E> m, Compiled compiled, Object[] values) {
        try (Result r = readConnection().executeCompiled(compiled, values)) {
            return hydrateAll(m, r);
        }
    }

    /** Runs a SELECT of {@code m}'s selectable and hydrates through the identity map. */
    <E> List<E> load(Mapper<E> m, Select<?> select) {
        try (Result r = readConnection().execute(select)) {
            return hydrateAll(m, r);
        }
    }

    private <E> List<E> hydrateAll(Mapper<E> m, Result r) {
        List<E> out = new ArrayList<>();
        List<InstanceStateImpl> loaded = m.loadsRelationships() ? new ArrayList<>() : null;
        Map<Object, InstanceStateImpl> im = identityMap(m);
        for (Object[] values = r.fetchArray(); values != null; values = r.fetchArray()) {
            InstanceStateImpl st = hydrateState(m, im, values);
            if (loaded != null && st.collections != null) {
                loaded.add(st);
            }
            out.add(m.type().cast(st.object));
        }
        r.close();
        if (m.hierarchy() != null) {
            loading().fillSubclassColumns();
        }
        if (loaded != null) {
            loading().finish(loaded, Loading.Plan.DEFAULT, java.util.Set.of());
        }
        return out;
    }

    /** The object for a row of all of {@code m}'s columns: the identity map's (refreshed if expired) or a new persistent one. */
    public Object hydrate(Mapper<?> m, Object[] values) {
        return hydrate(m, identityMap(m), values);
    }

    /** The identity map of one mapper (created empty when needed); hot loops fetch it once. */
    public Map<Object, InstanceStateImpl> identityMap(Mapper<?> m) {
        Mapper<?> key = m.identityBase();
        Map<Object, InstanceStateImpl> im = identityMap.get(key);
        if (im == null) {
            im = new IdentityMap(sizeHints.of(key));
            identityMap.put(key, im);
        }
        return im;
    }

    /**
     * An empty key → state map laid out as the identity maps are (no node per entry), with room
     * for {@code expected} keys: the flush's check that new objects' given keys are distinct.
     */
    public static Map<Object, InstanceStateImpl> newKeyMap(int expected) {
        return new IdentityMap(expected);
    }

    /** Makes room in an identity map from {@link #identityMap(Mapper)} for {@code more} entries at once. */
    public static void reserve(Map<Object, InstanceStateImpl> identityMap, int more) {
        if (identityMap instanceof IdentityMap im) {
            im.reserve(more);
        }
    }

    /** As {@link #hydrate(Mapper, Object[])} with the mapper's identity map already at hand. */
    public Object hydrate(Mapper<?> m, Map<Object, InstanceStateImpl> im, Object[] values) {
        return hydrateState(m, im, values).object;
    }

    /** As {@link #hydrate(Mapper, Map, Object[])}, returning the object's state. */
    public InstanceStateImpl hydrateState(Mapper<?> m, Map<Object, InstanceStateImpl> im, Object[] values) {
        return hydrateState(m, im, values, 0L, false);
    }

    /**
     * As {@link #hydrateState(Mapper, Map, Object[])} for a row whose columns in {@code unloaded}
     * (bit i: property i) were not selected: those fields are left as they are (a new object's Java
     * default) and recorded as unloaded, so they are not changes; an object already present gets
     * its unloaded fields from a row that has them. With {@code populateExisting}, an object
     * already present is overwritten from the row as if expired (its unflushed changes are lost).
     */
    public InstanceStateImpl hydrateState(Mapper<?> m, Map<Object, InstanceStateImpl> im, Object[] values,
                                          long unloaded, boolean populateExisting) {
        if (m.hierarchy() != null) {
            return hydrateRow(m.layout(), im, values, unloaded, populateExisting);
        }
        return hydrateExact(m, im, values, unloaded, populateExisting);
    }

    /**
     * A row of an inheritance hierarchy's {@code layout}: the object of the class its discriminator
     * names, from that class's columns in the row. Column-loading bits in {@code unloaded} refer to
     * the layout mapper's properties (shared by its subclasses); a subclass's deferred columns and
     * the columns a selectin layout leaves out are unloaded too, the latter queued for
     * {@link Loading#fillSubclassColumns()}.
     */
    public InstanceStateImpl hydrateRow(org.jalchemy.orm.mapping.RowLayout layout, Map<Object, InstanceStateImpl> im,
                                        Object[] values, long unloaded, boolean populateExisting) {
        org.jalchemy.orm.mapping.RowLayout.Entry e = layout.entry(values);
        Mapper<?> m = layout.mapper();
        Mapper<?> s = e.mapper();
        int n = s.properties().size();
        Object[] own = s == m && e.missing() == 0L ? (values.length == n ? values : java.util.Arrays.copyOf(values, n))
                : e.values(values);
        long su = unloaded;
        if (s != m) {
            int base = m.properties().size();
            long low = base >= 64 ? -1L : (1L << base) - 1;
            su = (unloaded & low) | (s.deferredMask() & ~low);
        }
        su |= e.missing();
        Map<Object, InstanceStateImpl> target = s.identityBase() == m.identityBase() ? im : identityMap(s);
        InstanceStateImpl st = hydrateExact(s, target, own, su, populateExisting);
        if (e.missing() != 0L && (st.unloaded & e.missing()) != 0L) {
            loading().needsSubclassColumns(st, st.unloaded & e.missing());
        }
        return st;
    }

    /**
     * The state of the row's object: the one already in {@code im}, brought up to date, or a new
     * one. Runs once per loaded row: the common path is kept small for the JIT, with the rarer
     * ones (present object, deferred columns, listeners) in the methods it calls.
     */
    private InstanceStateImpl hydrateExact(Mapper<?> m, Map<Object, InstanceStateImpl> im, Object[] values,
                                           long unloaded, boolean populateExisting) {
        Object id = m.identityFromValues(values);
        InstanceStateImpl st = im.get(id);
        if (st != null) {
            return refreshed(st, values, unloaded, populateExisting);
        }
        Object o = unloaded == 0L ? newLoaded(m, values) : null;
        if (o == null) {
            o = newFromProperties(m, values, unloaded);
        }
        st = new InstanceStateImpl(o, m, ObjectState.PERSISTENT, this);
        st.identity = id;
        st.snapshot = m.hasMutableJson() ? m.copyMutable(values) : values; // the fields keep the originals
        st.unloaded = unloaded;
        states.put(o, st);
        if (im instanceof IdentityMap map) {
            map.putAbsent(id, st); // get(id) found nothing above, and no code that could change the map ran since
        } else {
            im.put(id, st);
        }
        if (!factory.listeners().isEmpty()) {
            notifyLoaded(m);
        }
        if (m.hasRelationships()) {
            loading().initLoaded(st);
        }
        return st;
    }

    /** An object the session already holds, met in a row again: reloaded when expired (or asked to), else its unloaded columns filled. */
    private static InstanceStateImpl refreshed(InstanceStateImpl st, Object[] values, long unloaded, boolean populateExisting) {
        if (st.expired || populateExisting) {
            populate(st, values, unloaded);
            st.staleRefs = -1L;
        } else if ((st.unloaded & ~unloaded) != 0L) {
            fillUnloaded(st, values, st.unloaded & ~unloaded);
        }
        return st;
    }

    /** A new object set property by property (no generated accessor, or columns not loaded: those keep the Java default). */
    private static Object newFromProperties(Mapper<?> m, Object[] values, long unloaded) {
        Object o = m.newInstance();
        List<ColumnProperty> props = m.properties();
        for (int i = 0; i < values.length; i++) {
            if (unloaded == 0L || i >= 64 || (unloaded & (1L << i)) == 0L) {
                props.get(i).set(o, values[i]);
            } else {
                values[i] = props.get(i).get(o); // the Java default: not a change
            }
        }
        return o;
    }

    private void notifyLoaded(Mapper<?> m) {
        for (org.jalchemy.orm.SessionListener l : factory.listeners()) {
            l.objectLoaded(this, m.type());
        }
    }

    /**
     * A new object with every field set from a full row through the mapper's generated
     * {@link org.jalchemy.orm.mapping.FieldAccess}; null when there is none or the row is not the
     * full width, or when a value has the wrong type (then the caller's per-property stores report
     * which field).
     */
    @SuppressWarnings("unchecked")
    private static Object newLoaded(Mapper<?> m, Object[] values) {
        org.jalchemy.orm.mapping.FieldAccess<Object> access = (org.jalchemy.orm.mapping.FieldAccess<Object>) m.fieldAccess();
        if (access == null || values.length != m.properties().size()) {
            return null;
        }
        Object o = access.newInstance();
        try {
            access.setAll(o, values);
        } catch (ClassCastException e) {
            return null;
        }
        return o;
    }

    private static void populate(InstanceStateImpl st, Object[] values) {
        int n = st.mapper.properties().size();
        populate(st, values.length == n ? values : java.util.Arrays.copyOf(values, n), 0L);
    }

    private static void populate(InstanceStateImpl st, Object[] values, long unloaded) {
        List<ColumnProperty> props = st.mapper.properties();
        for (int i = 0; i < values.length; i++) {
            if (unloaded == 0L || i >= 64 || (unloaded & (1L << i)) == 0L) {
                props.get(i).set(st.object, values[i]);
            } else {
                values[i] = props.get(i).get(st.object);
            }
        }
        st.snapshot = st.mapper.hasMutableJson() ? st.mapper.copyMutable(values) : values;
        st.unloaded = unloaded;
        st.expired = false;
    }

    /** Sets the fields in {@code bits} (unloaded so far) from a row that has them; the others keep their values and changes. */
    public static void fillUnloaded(InstanceStateImpl st, Object[] values, long bits) {
        List<ColumnProperty> props = st.mapper.properties();
        Object[] snap = st.snapshot.clone();
        for (int i = 0; i < Math.min(64, values.length); i++) {
            if ((bits & (1L << i)) != 0L) {
                props.get(i).set(st.object, values[i]);
                snap[i] = values[i];
            }
        }
        st.snapshot = snap;
        st.unloaded &= ~bits;
    }

    public InstanceStateImpl lookup(Mapper<?> m, Object id) {
        Map<Object, InstanceStateImpl> im = identityMap.get(m.identityBase());
        return im == null ? null : im.get(id);
    }

    // ------------------------------------------------------------------ Core execution

    /**
     * Executes a Core statement on the session's connection, after autoflush. ORM-enabled bulk
     * UPDATE and DELETE ({@code Orm.update(User.class)}, {@code Orm.delete(User.class)}) then
     * synchronise the session by expiring every object of that entity: the next time the session
     * meets their rows it reloads them, and a deleted row drops its object from the session
     * (SQLAlchemy's {@code synchronize_session="fetch"}, made lazy).
     */
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    /** As {@link #execute(Executable)} with named parameters; for entity statements, attribute names work as keys. */
    public Result execute(Executable statement, Map<String, ?> parameters) {
        ensureOpen();
        autoflush();
        Mapper<?> m = entityOf(statement);
        Result r = connectionFor(statement).execute(statement, m == null ? parameters : columnKeys(m, parameters));
        synchronize(m, statement);
        return r;
    }

    /**
     * Executes a statement once per parameter set (executemany). {@code session.execute(
     * Sql.insert(Orm.table(User.class)), rows)} is the ORM bulk INSERT: keys may be attribute names;
     * no objects are created, nothing enters the identity map.
     */
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        ensureOpen();
        autoflush();
        Mapper<?> m = entityOf(statement);
        List<Map<String, ?>> sets = new ArrayList<>(parameterSets.size());
        for (Map<String, ?> p : parameterSets) {
            sets.add(m == null ? p : columnKeys(m, p));
        }
        Result r = connectionFor(statement).execute(statement, sets);
        synchronize(m, statement);
        return r;
    }

    /**
     * ORM bulk INSERT returning objects (SQLAlchemy's {@code session.scalars(insert(User).returning(User),
     * rows)}): {@code session.insertReturning(Orm.insert(User.class).returning(Orm.table(User.class)), rows)}
     * inserts in pages of multi-row {@code INSERT ... RETURNING} and returns the new rows as persistent
     * objects in the identity map (or plain values when not every column is returned).
     */
    public OrmResultImpl insertReturning(org.jalchemy.sql.Insert insert, List<? extends Map<String, ?>> rows) {
        ensureOpen();
        autoflush();
        Mapper<?> m = entityOf(insert);
        List<Map<String, ?>> sets = new ArrayList<>(rows.size());
        for (Map<String, ?> p : rows) {
            sets.add(m == null ? p : columnKeys(m, p));
        }
        return OrmResultImpl.ofReturning(this, insert, writeConnection().execute(insert, sets));
    }

    private static Mapper<?> entityOf(Executable statement) {
        return statement instanceof DmlBase d && d.table() instanceof MappedTable<?> t ? t.mapper() : null;
    }

    private static Map<String, ?> columnKeys(Mapper<?> m, Map<String, ?> params) {
        Map<String, Object> out = null;
        for (Map.Entry<String, ?> e : params.entrySet()) {
            if (m.hasProperty(e.getKey())) {
                String col = m.property(e.getKey()).columnName();
                if (!col.equals(e.getKey())) {
                    if (out == null) {
                        out = new java.util.LinkedHashMap<>(params);
                    }
                    out.remove(e.getKey());
                    out.put(col, e.getValue());
                }
            }
        }
        return out == null ? params : out;
    }

    private void synchronize(Mapper<?> m, Executable statement) {
        if (m == null || statement instanceof org.jalchemy.sql.Insert) {
            return;
        }
        Map<Object, InstanceStateImpl> im = identityMap.get(m.identityBase());
        if (im != null) {
            for (InstanceStateImpl st : im.values()) {
                st.expired = true;
            }
        }
    }

    /**
     * Runs a SELECT — ORM-enabled ({@code Orm.select(User.class)}) or plain Core — after autoflush;
     * entity items of each row come back as objects through the identity map.
     */
    public OrmResultImpl execute(Select<?> select) {
        ensureOpen();
        autoflush();
        Loading.Plan plan = Loading.Plan.of(select.executableOptions());
        Object r0 = select.rawColumns().isEmpty() ? null : select.rawColumns().get(0);
        Mapper<?> first = r0 instanceof MappedTable<?> t ? t.mapper()
                : r0 instanceof org.jalchemy.orm.mapping.EntityView<?> v ? v.mapper() : null;
        Select<?> run = withLoaderCriteria(withUnloadedColumns(select, plan), select);
        if (first == null || !first.hasRelationships()) {
            return new OrmResultImpl(this, select, readConnection(select).execute(run), plan, null);
        }
        Loading.Joined joined = loading().joined(run, first, plan, select.selectedColumns().size());
        return new OrmResultImpl(this, select, readConnection(select).execute(joined.select()), plan, joined);
    }

    /** {@code run} with the factory's loader criteria of each entity item of {@code original} as WHERE. */
    private Select<?> withLoaderCriteria(Select<?> run, Select<?> original) {
        boolean inheritance = org.jalchemy.orm.mapping.Hierarchy.inUse();
        if (factory.loaderCriteria().isEmpty() && !inheritance) {
            return run;
        }
        for (org.jalchemy.sql.ColumnsClauseRole r : original.rawColumns()) {
            if (r instanceof org.jalchemy.sql.FromClause f && Mapper.aliasedEntity(f) != null) {
                Mapper<?> m = Mapper.aliasedEntity(f);
                // Orm.select(Manager.class) carries its discriminator criterion; an alias of the table cannot
                run = f instanceof org.jalchemy.sql.Alias ? entityCriteria(run, m, f) : loaderCriteria(run, m, f);
            }
        }
        return run;
    }

    /**
     * {@code sel} restricted to {@code m}'s rows read from {@code from}: a single-table subclass's
     * discriminator criterion, then the factory's loader criteria. What every SELECT the session
     * builds itself (get, refresh, relationship loads) goes through.
     */
    public Select<?> entityCriteria(Select<?> sel, Mapper<?> m, org.jalchemy.sql.FromClause from) {
        if (m.hierarchy() != null) {
            org.jalchemy.sql.ColumnElement<Boolean> d = m.discriminatorCriterion(from);
            if (d != null) {
                sel = sel.where(d);
            }
        }
        return loaderCriteria(sel, m, from);
    }

    /** {@code sel} filtered by the factory's loader criteria for {@code m}'s rows read from {@code from}. */
    public Select<?> loaderCriteria(Select<?> sel, Mapper<?> m, org.jalchemy.sql.FromClause from) {
        for (SessionFactory.LoaderCriteria c : factory.loaderCriteria()) {
            if (c.type().isAssignableFrom(m.type())) {
                sel = sel.where(c.criteria().apply(from));
            }
        }
        return sel;
    }

    /** {@code on} ANDed with the factory's loader criteria for {@code m}'s rows joined as {@code from}. */
    public org.jalchemy.sql.ColumnElement<Boolean> loaderCriteria(org.jalchemy.sql.ColumnElement<Boolean> on, Mapper<?> m,
                                                                   org.jalchemy.sql.FromClause from) {
        if (m.hierarchy() != null) {
            org.jalchemy.sql.ColumnElement<Boolean> d = m.discriminatorCriterion(from);
            if (d != null) {
                on = org.jalchemy.sql.Sql.and(on, d);
            }
        }
        for (SessionFactory.LoaderCriteria c : factory.loaderCriteria()) {
            if (c.type().isAssignableFrom(m.type())) {
                on = org.jalchemy.sql.Sql.and(on, c.criteria().apply(from));
            }
        }
        return on;
    }

    /**
     * {@code select} with each entity's deferred columns ({@code @Column(deferred = true)},
     * {@code defer}, {@code loadOnly}) selected as NULL: the row keeps its layout, the database
     * sends no data for them, and hydration leaves those fields unloaded.
     */
    private static Select<?> withUnloadedColumns(Select<?> select, Loading.Plan plan) {
        List<org.jalchemy.sql.ColumnsClauseRole> raw = select.rawColumns();
        List<org.jalchemy.sql.ColumnsClauseRole> out = null;
        for (int i = 0; i < raw.size(); i++) {
            org.jalchemy.sql.ColumnsClauseRole r = raw.get(i);
            long mask = r instanceof MappedTable<?> t ? plan.unloaded(t.mapper())
                    : r instanceof org.jalchemy.orm.mapping.EntityView<?> v ? plan.unloaded(v.mapper())
                    : r instanceof org.jalchemy.sql.Alias a && Mapper.aliasedEntity(a) != null
                    ? plan.unloaded(Mapper.aliasedEntity(a)) | Mapper.aliasedEntity(a).computedMask() : 0L;
            if (mask == 0L) {
                if (out != null) {
                    out.add(r);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(raw.subList(0, i));
            }
            List<? extends org.jalchemy.sql.ColumnClause<?>> cols = ((org.jalchemy.sql.FromClause) r).columns();
            for (int c = 0; c < cols.size(); c++) {
                out.add(c < 64 && (mask & (1L << c)) != 0
                        ? org.jalchemy.sql.Sql.literalColumn("NULL").label(cols.get(c).name()) : cols.get(c));
            }
        }
        return out == null ? select : select.withOnlyColumns(out.toArray(org.jalchemy.sql.ColumnsClauseRole[]::new));
    }

    /**
     * The Core connection of the current transaction, checked out (and the transaction begun) on
     * first use. Valid until commit, rollback or close. In a read/write-split session it is the
     * primary's, and the rest of the transaction reads from the primary too (what is done on it
     * directly is not seen by the routing).
     */
    public Connection connection() {
        if (routing != null) {
            routing.primaryUntilEnd();
        }
        return primaryConnection();
    }

    /**
     * The connection writes run on (the primary's), noting in a read/write-split session that the
     * session has written: its later reads go to the primary (read-your-writes).
     */
    public Connection writeConnection() {
        if (routing != null) {
            routing.wrote();
        }
        return primaryConnection();
    }

    /** The connection plain reads run on: the session's own, or in a read/write-split session the one {@link ReadRouting} picks. */
    public Connection readConnection() {
        return routing == null ? primaryConnection() : routing.read(this, null);
    }

    /**
     * The connection {@code select} runs on: as {@link #readConnection()}, but {@code FOR UPDATE}
     * runs on the primary (and keeps the transaction's reads there), and a {@link org.jalchemy.orm.BindOption}
     * picks the engine. A session bound to one engine accepts only {@code bind("primary")}.
     */
    private Connection readConnection(Select<?> select) {
        org.jalchemy.orm.BindOption bind = select.executableOptions().isEmpty() ? null
                : org.jalchemy.orm.BindOption.in(select.executableOptions());
        if (routing == null) {
            if (bind != null && !org.jalchemy.engine.EngineSet.PRIMARY.equals(bind.name())) {
                throw new org.jalchemy.exc.ArgumentError("bind(\"" + bind.name() + "\"): this session is bound to one "
                        + "engine (" + factory.engine().url() + "); only bind(\"primary\") applies. Build the factory "
                        + "on an EngineSet for replicas");
            }
            return primaryConnection();
        }
        if (select.forUpdateClause() != null) {
            routing.primaryUntilEnd();
            return primaryConnection();
        }
        return routing.read(this, bind);
    }

    /** A Core statement's connection: a SELECT is a read; anything else (DML, DDL, text) writes. */
    private Connection connectionFor(Executable statement) {
        return statement instanceof Select<?> sel ? readConnection(sel) : writeConnection();
    }

    /**
     * Name of the engine this session's plain reads go to now ({@code "primary"} or a replica's
     * name): the primary once it has written, for a transaction that locked rows, or when no
     * replica is fit. {@code "primary"} for a session bound to one engine.
     */
    public String readingFrom() {
        return routing == null ? org.jalchemy.engine.EngineSet.PRIMARY : routing.readingFrom();
    }

    /** True once a read/write-split session has written (its reads go to the primary); false for one engine. */
    public boolean hasWritten() {
        return routing != null && routing.hasWritten();
    }

    /** Opens the session's transaction when none is (checks the session is usable). */
    void autobegin() {
        ensureOpen();
        ensureNotFailed();
        current();
    }

    /** The primary's connection of the current transaction (the only one, for a session bound to one engine). */
    Connection primaryConnection() {
        ensureOpen();
        ensureNotFailed();
        current();
        Connection c = connection;
        if (c == null) {
            c = factory.engine().connect();
            connection = c;
            if (cancelled) { // cancel() may have run while this connection was checked out
                c.cancel();
            }
        }
        return c;
    }

    /**
     * Cancels what this session is doing; the one method any thread may call while another uses
     * the session. The statement its connection runs (or streams rows from) now is cancelled
     * ({@link Connection#cancel()}: JDBC {@code Statement.cancel}) and fails with an
     * {@link org.jalchemy.exc.OperationalError}, and the transaction is doomed: every further
     * statement, flush and {@link #commit()} of it raises until {@link #rollback()} (or
     * {@link #close()}), so cancelled work is never committed half-done. Called while no
     * transaction is open, it dooms the next one until {@link #rollback()}.
     */
    public void cancel() {
        cancelled = true;
        Connection c = connection;
        if (c != null) {
            c.cancel();
        }
        if (routing != null) {
            routing.cancel();
        }
    }

    /**
     * Makes this session's lazy loads run through {@code executor} (null: at once on the touching
     * thread, the default). For layers that confine the session to a thread of their own, like
     * jalchemy-async; see {@link LazyLoadExecutor} for the contract.
     */
    public void lazyLoadExecutor(LazyLoadExecutor executor) {
        this.lazyLoadExecutor = executor;
    }

    /** Runs a lazy load through the {@link LazyLoadExecutor}, or at once. */
    public void runLazyLoad(Runnable load) {
        LazyLoadExecutor e = lazyLoadExecutor;
        if (e == null) {
            load.run();
        } else {
            e.execute(load);
        }
    }

    // ------------------------------------------------------------------ flush

    /** Writes pending changes (inserts, updates, deletes) in foreign-key order; see the class comment for failures. */
    public void flush() {
        ensureOpen();
        if (flushing) {
            throw new InvalidRequestError("Session is already flushing (flush() called from within a flush)");
        }
        ensureNotFailed();
        flushing = true;
        try {
            UnitOfWork uow = new UnitOfWork(this);
            uow.flush();
            if (uow.objectCount() > 0) {
                current().flushed += uow.objectCount();
            }
            java.util.List<org.jalchemy.orm.SessionListener> ls = factory.listeners();
            if (!ls.isEmpty() && uow.objectCount() > 0) {
                for (org.jalchemy.orm.SessionListener l : ls) {
                    l.afterFlush(this, uow.objectCount());
                }
            }
        } catch (RuntimeException e) {
            SessionTransactionImpl innermost = nested.isEmpty() ? root : nested.peek();
            if (innermost != null) {
                failTransaction(innermost, e);
            }
            throw e;
        } finally {
            flushing = false;
        }
    }

    /**
     * After a failed flush: rolls {@code tx} back in the database and restores memory as
     * {@link #rollback} does, but leaves it in place, failed, until the application rolls it back.
     * A SAVEPOINT that cannot be rolled back, or a lost connection, fails the root transaction.
     */
    private void failTransaction(SessionTransactionImpl tx, RuntimeException cause) {
        if (tx.parent != null) {
            boolean savepointGone = false;
            try {
                tx.savepoint.rollback();
            } catch (RuntimeException re) {
                cause.addSuppressed(re);
                savepointGone = true;
            } finally {
                restore(tx);
            }
            tx.failure = cause;
            if (savepointGone || (connection != null && connection.isInvalidated())) {
                failTransaction(root, cause);
            }
            return;
        }
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (RuntimeException re) {
            cause.addSuppressed(re);
        } finally {
            while (!nested.isEmpty()) {
                SessionTransactionImpl inner = nested.pop();
                inner.active = false;
                restore(inner);
            }
            restore(tx);
            tx.failure = cause;
            releaseConnection();
        }
    }

    /** Raises {@link PendingRollbackError} while a failed transaction waits for its rollback. */
    private void ensureNotFailed() {
        if (root == null) {
            return;
        }
        SessionTransactionImpl failed = root.failure != null ? root : null;
        if (failed == null && !nested.isEmpty()) {
            for (SessionTransactionImpl t : nested) {
                if (t.failure != null) {
                    failed = t;
                    break;
                }
            }
        }
        if (failed != null) {
            String what = failed.parent == null
                    ? "This Session's transaction has been rolled back because of an error during flush; nothing"
                    + " it wrote was committed, and objects it inserted are transient again. Call"
                    + " session.rollback() before using the session again"
                    : "This Session's SAVEPOINT (beginNested) has been rolled back because of an error during flush;"
                    + " what was written since it began is gone. Call rollback() on that nested transaction (or"
                    + " session.rollback()) before using the session again";
            throw new PendingRollbackError(what + ". Original error: " + failed.failure, failed.failure);
        }
    }

    void autoflush() {
        if (factory.autoflush() && noAutoflush == 0 && !flushing && !states.isEmpty()) {
            flush();
        }
    }

    /**
     * The autoflush of a lazy load: only when the session has new or deleted objects or changed
     * relationship collections — what can change which rows the load finds. Changed column values
     * of existing objects wait for the next query or commit: finding them means comparing every
     * object in the session, which would make a loop of lazy loads quadratic.
     */
    public void autoflushForLoad() {
        if (!pending.isEmpty() || !toDelete.isEmpty() || collectionsChanged) {
            autoflush();
        }
    }

    /** As {@link #noAutoflush(Runnable)}, returning a value. */
    public <R> R noAutoflush(Supplier<R> work) {
        noAutoflush++;
        try {
            return work.get();
        } finally {
            noAutoflush--;
        }
    }

    // ------------------------------------------------------------------ transactions

    /** The innermost transaction, autobegun when there is none. */
    public SessionTransactionImpl current() {
        if (root == null) {
            root = new SessionTransactionImpl(this, null, null);
        }
        return nested.isEmpty() ? root : nested.peek();
    }

    /** True while a transaction (explicit or autobegun) is open. */
    public boolean inTransaction() {
        return root != null;
    }

    /** True while a SAVEPOINT from {@link #beginNested} is open. */
    public boolean inNestedTransaction() {
        return !nested.isEmpty();
    }

    /**
     * Begins the transaction explicitly and returns its handle (use with try-with-resources and
     * call {@code commit()}). Raises when one is already begun, explicitly or by autobegin.
     */
    public SessionTransactionImpl begin() {
        ensureOpen();
        if (root != null) {
            throw new InvalidRequestError("A transaction is already begun on this Session (explicitly or by autobegin "
                    + "on the first add/query); commit() or rollback() it first, or use beginNested() for a SAVEPOINT");
        }
        return current();
    }

    /** Flushes, then sets a SAVEPOINT; its handle's {@code rollback()} undoes only what followed. */
    public SessionTransactionImpl beginNested() {
        ensureOpen();
        ensureNotFailed();
        SessionTransactionImpl parent = current();
        flush();
        SessionTransactionImpl t = new SessionTransactionImpl(this, parent, connection().beginNested()); // reads stay on the primary
        nested.push(t);
        return t;
    }

    /**
     * What rolling {@code tx} back would discard, for the warning of a transaction block closed
     * without commit: "5 changes (2 written by flushes; not flushed: 1 new, 1 modified, 1 deleted)",
     * or null when there is nothing. Scans the session's objects (only when such a block closes).
     */
    String pendingChanges(SessionTransactionImpl tx) {
        int modified = 0;
        for (InstanceStateImpl st : states.values()) {
            if (st.state == ObjectState.PERSISTENT && !st.markedForDeletion && !st.modifiedAttributes().isEmpty()) {
                modified++;
            }
        }
        int total = tx.flushed + pending.size() + modified + toDelete.size();
        if (total == 0) {
            return null;
        }
        return total + (total == 1 ? " change" : " changes") + " (" + tx.flushed + " written by flushes; not flushed: "
                + pending.size() + " new, " + modified + " modified, " + toDelete.size() + " deleted)";
    }

    /** As {@link #inTransaction}, returning {@code work}'s result. */
    public <R> R transaction(Function<? super Session, R> work) {
        SessionTransactionImpl tx = begin();
        try {
            R r = work.apply(this);
            if (tx.active) {
                tx.commit();
            }
            return r;
        } catch (RuntimeException | Error e) {
            try {
                if (tx.active) {
                    tx.rollback();
                }
            } catch (RuntimeException re) {
                e.addSuppressed(re);
            }
            throw e;
        }
    }

    /** Flushes and commits the transaction (SAVEPOINTs included); expires every object when expireOnCommit. */
    public void commit() {
        ensureOpen();
        if (root == null) {
            current();
        }
        commitTransaction(root);
    }

    /** Rolls back the transaction (SAVEPOINTs included) and restores objects: see {@link SessionTransaction}. */
    public void rollback() {
        ensureOpen();
        if (root != null) {
            rollbackTransaction(root);
        }
        cancelled = false;
    }

    void commitTransaction(SessionTransactionImpl tx) {
        ensureOpen();
        if (!tx.active) {
            throw new InvalidRequestError("This transaction is inactive (already committed or rolled back)");
        }
        ensureNotFailed();
        if (tx.parent != null) {
            flush();
            while (!nested.isEmpty() && nested.peek() != tx) { // inner savepoints are released with it
                SessionTransactionImpl inner = nested.pop();
                inner.active = false;
                inner.mergeIntoParent();
            }
            nested.pop();
            tx.savepoint.commit();
            tx.active = false;
            tx.mergeIntoParent();
            return;
        }
        if (cancelled) {
            String msg = "COMMIT refused: Session.cancel() was called during this transaction; roll it back "
                    + "(rollback() clears the cancellation)";
            throw org.jalchemy.exc.ErrorKind.OPERATIONAL.create(new org.jalchemy.exc.DBAPIError.Details(
                    "(OperationalError) " + msg, new java.sql.SQLException(msg, "57014"), "COMMIT", null, false));
        }
        flush();
        Connection c = connection;
        if (c != null) {
            c.commit();
        }
        for (SessionTransactionImpl n : nested) {
            n.active = false;
        }
        nested.clear();
        boolean expire = factory.expireOnCommit();
        List<InstanceStateImpl> deleted = null;
        for (InstanceStateImpl st : states.values()) { // one pass, no copy: the (rare) deleted ones leave after it
            if (st.state == ObjectState.DELETED) {
                if (deleted == null) {
                    deleted = new ArrayList<>();
                }
                deleted.add(st);
            } else if (expire && st.state == ObjectState.PERSISTENT) {
                st.expired = true;
            }
        }
        if (deleted != null) {
            for (InstanceStateImpl st : deleted) {
                forget(st, ObjectState.DETACHED);
            }
        }
        endRoot();
        factory.events().fire(org.jalchemy.orm.OrmEvents.SessionEvent.AFTER_COMMIT, this);
    }

    void rollbackTransaction(SessionTransactionImpl tx) {
        if (!tx.active) {
            return;
        }
        if (tx.parent != null) {
            while (!nested.isEmpty()) {
                SessionTransactionImpl inner = nested.pop();
                inner.active = false;
                if (inner == tx) {
                    break;
                }
                restore(inner);
            }
            try {
                if (tx.failure == null) { // a failed one was rolled back in the database already
                    tx.savepoint.rollback();
                }
            } finally {
                restore(tx);
            }
            return;
        }
        try {
            Connection c = connection;
            if (c != null) {
                c.rollback();
            }
            cancelled = false;
        } finally {
            while (!nested.isEmpty()) {
                SessionTransactionImpl inner = nested.pop();
                inner.active = false;
                restore(inner);
            }
            restore(tx);
            endRoot();
            factory.events().fire(org.jalchemy.orm.OrmEvents.SessionEvent.AFTER_ROLLBACK, this);
        }
    }

    /** Puts objects back in line with the database after {@code tx} was rolled back. */
    private void restore(SessionTransactionImpl tx) {
        for (InstanceStateImpl st : tx.inserted) {
            if (st.session == this) {
                forget(st, ObjectState.TRANSIENT);
            }
        }
        for (InstanceStateImpl st : tx.added) {
            if (st.session == this && st.state == ObjectState.PENDING) {
                forget(st, ObjectState.TRANSIENT);
            }
        }
        for (InstanceStateImpl st : tx.deleted) {
            if (st.state == ObjectState.DELETED && st.session == this) {
                st.state = ObjectState.PERSISTENT;
                states.put(st.object, st);
                identityMap(st.mapper).put(st.identity, st);
            }
        }
        for (InstanceStateImpl st : toDelete) {
            st.markedForDeletion = false;
        }
        toDelete.clear();
        if (!closing) { // a closing session detaches everything next; expiring first is wasted work
            for (InstanceStateImpl st : states.values()) {
                if (st.state == ObjectState.PERSISTENT) {
                    st.expired = true;
                    unloadRelationships(st); // collections may hold objects the rollback made transient
                }
            }
        }
        tx.added.clear();
        tx.inserted.clear();
        tx.deleted.clear();
    }

    private void endRoot() {
        root.active = false;
        root = null;
        releaseConnection();
    }

    /** Gives the transaction's Core connection back to the pool (the field read once: cancel() reads it from other threads). */
    private void releaseConnection() {
        Connection c = connection;
        try {
            if (c != null) {
                connection = null;
                c.close();
            }
        } finally {
            if (routing != null) {
                routing.release();
            }
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Rolls back what is still open, returns the connection and detaches every object. Idempotent.
     * Pending objects become transient one by one; the others are not visited: a state whose
     * session is closed reports itself detached ({@link InstanceStateImpl#state()}), so closing a
     * session that loaded 100,000 objects costs what closing an empty one does.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closing = true;
        try {
            if (root != null) {
                rollbackTransaction(root);
            }
        } finally {
            closed = true;
            detachOnClose();
            releaseConnection();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new ResourceClosedError("This Session is closed; open a new one with factory.open()");
        }
    }

    private InstanceStateImpl requireIn(Object entity, String op) {
        InstanceStateImpl st = states.get(entity);
        if (st == null) {
            Mapper<?> m = Mapper.forObject(entity);
            Object id = m.identity(entity);
            if (id == null) {
                throw new InvalidRequestError("Cannot " + op + " " + m.entityName()
                        + "(<no identity>): the instance is not in this session");
            }
            throw new DetachedInstanceError("Cannot " + op + " " + m.describe(id)
                    + ": the instance is not in this session (detached, or loaded by another session); "
                    + "use merge() to bring its state into this one");
        }
        return st;
    }

    private InstanceStateImpl requirePersistent(Object entity, String op) {
        InstanceStateImpl st = requireIn(entity, op);
        if (st.state != ObjectState.PERSISTENT) {
            throw new InvalidRequestError("Cannot " + op + " " + st.describe() + ": it is " + st.state.name().toLowerCase()
                    + ", not persistent" + (st.state == ObjectState.PENDING ? "; flush() it first" : ""));
        }
        return st;
    }

    @Override
    public String toString() {
        return "Session(" + factory.engine().url() + ", " + states.size() + " objects"
                + (closed ? ", closed" : root != null ? ", in transaction" : "") + ")";
    }
}
