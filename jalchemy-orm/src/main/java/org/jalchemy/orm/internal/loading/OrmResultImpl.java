package org.jalchemy.orm.internal.loading;

import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.engine.Result;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;
import org.jalchemy.orm.mapping.MappedTable;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.ColumnsClauseRole;
import org.jalchemy.sql.DmlBase;
import org.jalchemy.sql.Select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The result of an ORM-enabled SELECT run by {@link Session#execute(Select)}: rows whose entity
 * items are objects from the session's identity map (hydrated as rows are read) and whose other
 * items are plain values. {@link #scalars()} yields the first item of each row — the entity, for
 * {@code select(User.class)}.
 *
 * <p>Reads the cursor lazily; methods returning everything or one row consume and close it.
 * {@link #partitions(int)} reads and hydrates a list of rows at a time (loaders run per list);
 * {@link #buffered()} reads everything now into a result that needs neither cursor nor session
 * thread any more. Not thread-safe: a cursor result is read on the session's thread.
 * Typed accessors ({@code <T> T scalarOne()}, {@code ScalarResult.all()}) cast to what the caller
 * assigns to: a wrong target type fails with a {@code ClassCastException} where the value is used.
 */
public final class OrmResultImpl implements OrmResult {
    private final SessionImpl session;
    private final Result result;
    private final Item[] plan;
    private final boolean single;
    private final java.util.Map<Object, InstanceStateImpl> singleMap;
    private final Loading.Plan loadPlan;
    private final Loading.Joined joined;
    private final boolean relationships; // some entity item has relationships: collect and finish loading
    private final List<InstanceStateImpl> loaded;
    private final Loading.JoinedAccumulator acc;
    private boolean completed;
    /** The parent the last joined row hydrated, when {@link #sameParent} may reuse it; else null. */
    private InstanceStateImpl lastParent;
    /** Where a joined row holds its parent's single-column key, or -1: parents are not reused. */
    private int parentKeyAt = -1;
    /**
     * The array every joined row is read into (when {@code parentKeyAt >= 0}): its parent columns
     * stay while the key repeats. Transient: what a row hydrates is copied out of it (slices).
     */
    private Object[] rowBuffer;
    /** The rows of a {@link #buffered()} result (null for a cursor result), and the next one's index. */
    private final List<OrmRow> rows;
    private int pos;

    /**
     * One selected item: an entity's columns (mapper non-null; {@code unloaded}: columns the row
     * does not load, those it never has, e.g. an alias's computed ones, and, once the result is
     * built, those its load plan defers) or one value.
     */
    private record Item(Mapper<?> mapper, int offset, int width, long unloaded) {
        Item(Mapper<?> mapper, int offset, int width) {
            this(mapper, offset, width, 0L);
        }
    }

    public OrmResultImpl(SessionImpl session, Select<?> select, Result result) {
        this(session, planOf(select), result, Loading.Plan.DEFAULT, null);
    }

    /** {@code original} is the statement as the user wrote it; {@code joined} what ran (extra joined columns at the end). */
    public OrmResultImpl(SessionImpl session, Select<?> original, Result result, Loading.Plan loadPlan, Loading.Joined joined) {
        this(session, planOf(original), result, loadPlan, joined);
    }

    /**
     * A result over rows already read and hydrated, shaped as {@code select}'s (the rows of one
     * statement run on several databases and merged, as a sharded session does).
     */
    public static OrmResultImpl ofRows(Select<?> select, List<OrmRow> rows) {
        return new OrmResultImpl(planOf(select), rows);
    }

    /** A result over rows already read and hydrated (see {@link #buffered()}). */
    private OrmResultImpl(Item[] plan, List<OrmRow> rows) {
        this.session = null;
        this.result = null;
        this.plan = plan;
        this.single = false;
        this.singleMap = null;
        this.loadPlan = Loading.Plan.DEFAULT;
        this.joined = null;
        this.relationships = false;
        this.loaded = null;
        this.acc = null;
        this.rows = rows;
    }

    private OrmResultImpl(SessionImpl session, Item[] plan, Result result, Loading.Plan loadPlan, Loading.Joined joined) {
        this.rows = null;
        this.session = session;
        this.result = result;
        for (int i = 0; i < plan.length; i++) { // the plan's deferred columns, worked out once rather than per row
            Item it = plan[i];
            if (it.mapper != null) {
                plan[i] = new Item(it.mapper, it.offset, it.width, it.unloaded | loadPlan.unloaded(it.mapper));
            }
        }
        this.plan = plan;
        this.single = plan.length == 1 && plan[0].mapper != null && plan[0].offset == 0;
        this.singleMap = single ? session.identityMap(plan[0].mapper) : null;
        this.loadPlan = loadPlan;
        this.joined = joined != null && !joined.specs().isEmpty() ? joined : null;
        boolean rel = false;
        for (Item it : plan) { // relationships to load, or a joined hierarchy's subclass columns to read afterwards
            rel |= it.mapper != null && (it.mapper.loadsRelationships()
                    || it.mapper.hierarchy() != null && it.mapper.layout().hasMissing());
        }
        this.relationships = rel;
        this.loaded = rel ? new ArrayList<>() : null;
        this.acc = this.joined != null ? new Loading.JoinedAccumulator() : null;
        Mapper<?> first = single ? plan[0].mapper : null;
        if (acc != null && first != null && first.hierarchy() == null && first.primaryKeySize() == 1) {
            this.parentKeyAt = plan[0].offset + first.primaryKey()[0].index();
        }
    }

    /** The object for an entity slice; collects it for relationship loading, and reads the joined columns of item 0. */
    private Object entity(Item it, java.util.Map<Object, InstanceStateImpl> im, Object[] slice, Object[] row, boolean first) {
        Mapper<?> m = it.mapper;
        if (!relationships) {
            return session.hydrateState(m, im, slice, it.unloaded, loadPlan.populateExisting()).object;
        }
        InstanceStateImpl st = session.hydrateState(m, im, slice, it.unloaded, loadPlan.populateExisting());
        if (st.collections != null) {
            loaded.add(st);
        }
        if (first && acc != null) {
            session.loading().consume(row, st, joined.specs(), acc);
            lastParent = parentKeyAt >= 0 ? st : null;
        }
        return st.object;
    }

    /** Runs the loaders that need the whole result (selectin, references, joined collections); once. */
    private void complete() {
        if (completed || !relationships) {
            return;
        }
        completed = true;
        Loading l = session.loading();
        l.fillSubclassColumns();
        if (acc != null) {
            l.finishJoined(acc);
        }
        l.finish(loaded, loadPlan, joined == null ? java.util.Set.of() : Loading.handled(joined.specs()));
    }

    /** True when rows repeat parents (joined collections): results are de-duplicated. */
    private boolean dedupe() {
        return joined != null && joined.hasCollections();
    }

    /** The first item of the next row without building an {@link OrmRow}; {@code END} at the end. */
    private Object nextScalar() {
        if (!single) {
            OrmRow r = next();
            return r == null ? END : r.get(0);
        }
        Object[] values = fetch();
        if (values == null) {
            return END;
        }
        if (acc != null) {
            InstanceStateImpl same = sameParent(values);
            if (same != null) {
                session.loading().consume(values, same, joined.specs(), acc);
                return same.object;
            }
            Object[] slice = Arrays.copyOf(values, plan[0].width);
            return allNull(slice) ? null : entity(plan[0], singleMap, slice, values, true);
        }
        return allNull(values) ? null : entity(plan[0], singleMap, values, values, true);
    }

    /**
     * The state the previous row hydrated when this row is of the same parent (joined rows come
     * grouped by parent) and hydrating it again would change nothing: single-column key of a class
     * outside an inheritance hierarchy, equal key, still persistent in this session, not expired,
     * no populate-existing, no column to fill. Null otherwise (the row goes the full way).
     */
    private InstanceStateImpl sameParent(Object[] values) {
        InstanceStateImpl st = lastParent;
        if (st == null) {
            return null;
        }
        Object key = values[parentKeyAt];
        if (key == null || !key.equals(st.identity) || st.session != session || st.expired
                || st.state != org.jalchemy.orm.ObjectState.PERSISTENT || loadPlan.populateExisting()
                || (st.unloaded & ~plan[0].unloaded) != 0L) {
            return null;
        }
        return st;
    }

    private static final Object END = new Object();

    /** Rows of {@code INSERT/UPDATE/DELETE ... RETURNING}: an entity when every column of its table is returned, in order. */
    public static OrmResultImpl ofReturning(SessionImpl session, DmlBase dml, Result result) {
        List<ColumnElement<?>> cols = dml.returningColumns();
        if (dml.table() instanceof MappedTable<?> t && cols.equals(new ArrayList<>(t.columns()))) {
            return new OrmResultImpl(session, new Item[]{new Item(t.mapper(), 0, cols.size())}, result, Loading.Plan.DEFAULT, null);
        }
        Item[] plan = new Item[cols.size()];
        for (int i = 0; i < plan.length; i++) {
            plan[i] = new Item(null, i, 1);
        }
        return new OrmResultImpl(session, plan, result, Loading.Plan.DEFAULT, null);
    }

    private static Item[] planOf(Select<?> select) {
        List<Item> items = new ArrayList<>();
        int offset = 0;
        for (ColumnsClauseRole r : select.rawColumns()) {
            org.jalchemy.orm.mapping.Mapper<?> entity = r instanceof org.jalchemy.sql.FromClause f
                    ? org.jalchemy.orm.mapping.Mapper.aliasedEntity(f) : null;
            if (entity != null) { // the entity's table, an alias of it (Orm.aliased) or its inheritance view
                int w = ((org.jalchemy.sql.FromClause) r).columns().size();
                // an alias cannot render computed columns: they are selected as NULL and stay unloaded
                items.add(new Item(entity, offset, w, r instanceof org.jalchemy.sql.Alias ? entity.computedMask() : 0L));
                offset += w;
            } else if (r instanceof org.jalchemy.sql.FromClause f) {
                int w = f.columns().size();
                for (int i = 0; i < w; i++) {
                    items.add(new Item(null, offset++, 1));
                }
            } else {
                items.add(new Item(null, offset++, 1));
            }
        }
        return items.toArray(Item[]::new);
    }

    /** One row: {@code get(User.class)} for an entity, {@code get(i)} for the i-th item. */
    private static final class RowImpl implements OrmRow {
        private final Object[] items;
        private final Item[] plan;

        private RowImpl(Object[] items, Item[] plan) {
            this.items = items;
            this.plan = plan;
        }

        /** The i-th selected item (an entity or a value). */
        public Object get(int i) {
            return items[i];
        }

        /** The entity of {@code type} in this row (the first one, when selected twice). */
        public <E> E get(Class<E> type) {
            for (int i = 0; i < plan.length; i++) {
                if (plan[i].mapper != null && plan[i].mapper.type() == type) {
                    return type.cast(items[i]);
                }
            }
            for (int i = 0; i < plan.length; i++) { // a subclass's object, read through its base's item
                if (plan[i].mapper != null && plan[i].mapper.type().isAssignableFrom(type) && type.isInstance(items[i])) {
                    return type.cast(items[i]);
                }
            }
            throw new org.jalchemy.exc.NoSuchColumnError("This row has no " + type.getSimpleName() + " entity");
        }

        public int size() {
            return items.length;
        }

        @Override
        public String toString() {
            return Arrays.toString(items);
        }
    }

    private OrmRow next() {
        if (rows != null) {
            return pos < rows.size() ? rows.get(pos++) : null;
        }
        Object[] values = fetch();
        if (values == null) {
            return null;
        }
        Object[] items = new Object[plan.length];
        if (single && acc == null) { // select(User.class)
            items[0] = allNull(values) ? null : entity(plan[0], singleMap, values, values, true);
            return new RowImpl(items, plan);
        }
        for (int i = 0; i < plan.length; i++) {
            Item it = plan[i];
            if (it.mapper == null) {
                items[i] = values[it.offset];
            } else {
                Object[] slice = Arrays.copyOfRange(values, it.offset, it.offset + it.width);
                items[i] = allNull(slice) ? null : entity(it, session.identityMap(it.mapper), slice, values, i == 0);
            }
        }
        return new RowImpl(items, plan);
    }

    /**
     * The next row's values, or null at the end: an array of its own, except for joined rows
     * ({@code parentKeyAt >= 0}), which all come in {@link #rowBuffer} (only slices of it are kept).
     */
    private Object[] fetch() {
        if (parentKeyAt < 0) {
            return result.fetchArray();
        }
        if (rowBuffer == null) {
            rowBuffer = result.fetchArray();
            return rowBuffer;
        }
        // joined rows repeat the parent's columns: not decoded again while its key repeats
        return result.fetchInto(rowBuffer, parentKeyAt, 0, plan[0].width) ? rowBuffer : null;
    }

    private static boolean allNull(Object[] v) {
        for (Object o : v) {
            if (o != null) {
                return false;
            }
        }
        return true;
    }

    /** Iterates the remaining rows once, hydrating as it goes; closes the cursor at the end. */
    @Override
    public java.util.Iterator<OrmRow> iterator() {
        if (relationships) { // loaders need the whole result before objects are handed out
            return all().iterator();
        }
        if (result != null) {
            result.bufferRemaining(); // rows go to the application at its pace from here
        }
        return new java.util.Iterator<>() {
            private OrmRow next = OrmResultImpl.this.next();

            @Override
            public boolean hasNext() {
                if (next == null) {
                    close();
                }
                return next != null;
            }

            @Override
            public OrmRow next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                OrmRow r = next;
                next = OrmResultImpl.this.next();
                return r;
            }
        };
    }

    /** Every remaining row. */
    public List<OrmRow> all() {
        List<OrmRow> out = new ArrayList<>();
        java.util.Map<Object, Boolean> seen = dedupe() ? new java.util.IdentityHashMap<>() : null;
        for (OrmRow r = next(); r != null; r = next()) {
            if (seen == null || seen.put(r.get(0), Boolean.TRUE) == null) {
                out.add(r);
            }
        }
        close();
        complete();
        return out;
    }

    /** The first row, or empty; closes the cursor. */
    public Optional<OrmRow> first() {
        if (dedupe()) { // the first parent's children span several rows
            List<OrmRow> all = all();
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }
        OrmRow r = next();
        close();
        complete();
        return Optional.ofNullable(r);
    }

    /** Exactly one row. */
    public OrmRow one() {
        OrmRow r = oneOrNone();
        if (r == null) {
            throw new NoResultFound("No row was found when one was required");
        }
        return r;
    }

    /** One row or null. */
    public OrmRow oneOrNone() {
        if (dedupe()) {
            List<OrmRow> all = all();
            if (all.size() > 1) {
                throw new MultipleResultsFound("Multiple rows were found when one or none was required");
            }
            return all.isEmpty() ? null : all.get(0);
        }
        OrmRow r = next();
        if (r != null && next() != null) {
            close();
            throw new MultipleResultsFound("Multiple rows were found when one or none was required");
        }
        close();
        complete();
        return r;
    }

    /** The first item of each row. */
    public ScalarResult<Object> scalars() {
        return new Scalars<>(this, true, v -> v);
    }

    @Override
    public <T> ScalarResult<T> scalars(Class<T> type) {
        return new Scalars<>(this, true, type::cast);
    }

    @Override
    public ScalarResult<OrmRow> rows() {
        return new Scalars<>(this, false, v -> (OrmRow) v);
    }

    /** First item of the first row, or null. */
    @SuppressWarnings("unchecked")
    public <T> T scalar() {
        return (T) first().map(r -> r.get(0)).orElse(null);
    }

    /** First item of exactly one row. */
    @SuppressWarnings("unchecked")
    public <T> T scalarOne() {
        return (T) one().get(0);
    }

    /** First item of one row, or null when there is none. */
    @SuppressWarnings("unchecked")
    public <T> T scalarOneOrNone() {
        OrmRow r = oneOrNone();
        return r == null ? null : (T) r.get(0);
    }

    /**
     * This result with every remaining row read, hydrated and de-duplicated now, and its loaders
     * run: the cursor is closed, and the returned result holds its rows in memory, so it can be
     * read on any thread after the session has moved on (what asynchronous callers get; SQLAlchemy
     * buffers the results of its async session the same way). Rows already read are not repeated.
     * Memory grows with the rows: use {@link #partitions(int)} for large results.
     */
    public OrmResultImpl buffered() {
        if (rows != null) {
            return this;
        }
        return new OrmResultImpl(plan, all());
    }

    /**
     * The remaining rows in lists of up to {@code n}, read and hydrated one list at a time
     * (SQLAlchemy's {@code partitions()} with {@code yield_per}): with {@code select.yieldPer(n)}
     * too, memory holds one list, not the result (objects still enter the session's identity map;
     * {@link Session#expunge} those you are done with). Relationship loaders run per list: a
     * selectinload is one {@code IN} query per list. Joined eager loading ({@code joinedload})
     * needs the whole result and raises {@link org.jalchemy.exc.InvalidRequestError} here; use
     * {@code selectinload}.
     */
    public Iterable<List<OrmRow>> partitions(int n) {
        if (n <= 0) {
            throw new org.jalchemy.exc.ArgumentError("partitions() size must be positive, got " + n);
        }
        if (joined != null) {
            throw new org.jalchemy.exc.InvalidRequestError("partitions() and streaming cannot be combined with joined "
                    + "eager loading (joinedload), which needs the whole result; use selectinload(...) instead");
        }
        if (result != null) {
            result.bufferRemaining();
        }
        return () -> new java.util.Iterator<>() {
            private List<OrmRow> next = partition(n);

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<OrmRow> next() {
                if (next.isEmpty()) {
                    throw new java.util.NoSuchElementException();
                }
                List<OrmRow> r = next;
                next = r.size() < n ? List.of() : partition(n);
                return r;
            }
        };
    }

    /** Up to {@code n} rows, with the loaders of their objects run; closes the cursor at the end. */
    private List<OrmRow> partition(int n) {
        List<OrmRow> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            OrmRow r = next();
            if (r == null) {
                break;
            }
            out.add(r);
        }
        session.loading().fillSubclassColumns();
        if (loaded != null && !loaded.isEmpty()) {
            session.loading().finish(new ArrayList<>(loaded), loadPlan, java.util.Set.of());
            loaded.clear();
        }
        if (out.size() < n) {
            close();
        }
        return out;
    }

    @Override
    public void close() {
        if (result != null) {
            result.close();
        }
    }

    /**
     * One value per row: the first item ({@code firstItem}, entities de-duplicated as {@link #all()}
     * does) or the row itself, passed through {@code check} (a Class cast, or the identity for
     * typed statements, whose type javac checked).
     */
    private static final class Scalars<T> implements ScalarResult<T> {
        private final OrmResultImpl result;
        private final boolean firstItem;
        private final java.util.function.Function<Object, T> check;

        private Scalars(OrmResultImpl result, boolean firstItem, java.util.function.Function<Object, T> check) {
            this.result = result;
            this.firstItem = firstItem;
            this.check = check;
        }

        private T value(OrmRow r) {
            return check.apply(firstItem ? r.get(0) : r);
        }

        public List<T> all() {
            List<T> out = new ArrayList<>();
            if (!firstItem) {
                for (OrmRow r : result.all()) {
                    out.add(check.apply(r));
                }
                return out;
            }
            java.util.Map<Object, Boolean> seen = result.dedupe() ? new java.util.IdentityHashMap<>() : null;
            Object last = null;
            for (Object o = result.nextScalar(); o != END; o = result.nextScalar()) {
                if (seen != null && o != null && o == last) {
                    continue; // the rows of one parent come together: no lookup for its repeats
                }
                last = o;
                if (seen == null || o == null || seen.put(o, Boolean.TRUE) == null) {
                    out.add(check.apply(o));
                }
            }
            result.close();
            result.complete();
            return out;
        }

        public Optional<T> first() {
            return result.first().map(this::value);
        }

        public T one() {
            return value(result.one());
        }

        public T oneOrNone() {
            OrmRow r = result.oneOrNone();
            return r == null ? null : value(r);
        }

        @Override
        public java.util.Iterator<T> iterator() {
            java.util.Iterator<OrmRow> rows = result.iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public T next() {
                    return value(rows.next());
                }
            };
        }
    }
}
