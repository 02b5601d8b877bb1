package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.orm.FlushError;
import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.orm.internal.session.SessionTransactionImpl;
import org.jalchemy.orm.StaleDataError;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Result;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.ErrorKind;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.MappedTable;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.orm.internal.unitofwork.FlushOrder;
import org.jalchemy.sql.Compiled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One flush of a session: collects pending, dirty and deleted objects, orders their mappers by
 * foreign keys ({@link FlushOrder}), then runs INSERTs (mapper order), UPDATEs (mapper order)
 * and DELETEs (reverse order), each grouped by statement shape and batched:
 *
 * <ul>
 *   <li>INSERTs: consecutive objects supplying the same columns form one group. When the database
 *   generates values (autoincrement key, server defaults) and the dialect has RETURNING, pages of
 *   multi-row {@code INSERT ... VALUES (...), (...) RETURNING} bring them back in one round trip
 *   per page (rows matched to objects by ascending generated key); without RETURNING, one JDBC
 *   batch with generated keys. Otherwise one JDBC batch.</li>
 *   <li>UPDATEs: objects with the same set of changed columns form one JDBC batch; versioned
 *   mappers update row by row so a mismatch names the object ({@link StaleDataError}).</li>
 *   <li>DELETEs: one batch per mapper (row by row when versioned).</li>
 * </ul>
 *
 * <p>Object states change as statements succeed (keys assigned, snapshots taken, transaction
 * lists recorded), so when a statement fails the session's rollback can restore everything.
 */
public final class UnitOfWork {
    private static final int MAX_PARAMS = 30000;
    private static final int MAX_ROWS_PER_INSERT = 1000;

    private final SessionImpl session;
    /** Identifies this flush, within its session, on the states it inserts (never 0). */
    private final int flushId;

    public UnitOfWork(SessionImpl session) {
        this.session = session;
        this.flushId = ++session.flushes == 0 ? ++session.flushes : session.flushes;
    }

    /** Objects this flush wrote (inserted, updated, deleted), for {@code SessionListener.afterFlush}. */
    public int objectCount() {
        return objectCount;
    }

    private int objectCount;

    public void flush() {
        org.jalchemy.orm.OrmEvents ormEvents = session.factory.events();
        if (ormEvents.has(org.jalchemy.orm.OrmEvents.SessionEvent.BEFORE_FLUSH) && hasWork()) {
            ormEvents.fire(org.jalchemy.orm.OrmEvents.SessionEvent.BEFORE_FLUSH, session);
        }
        Dependencies deps = null;
        if (session.relationshipsInUse) {
            deps = new Dependencies(session);
            deps.preflush();
        }
        FlushEvents events = FlushEvents.of(session);
        this.events = events;
        if (events != null) {
            events.before();
        }
        Map<Mapper<?>, List<InstanceStateImpl>> inserts = new LinkedHashMap<>();
        Map<Mapper<?>, List<Dirty>> updates = new LinkedHashMap<>();
        Map<Mapper<?>, List<InstanceStateImpl>> deletes = new LinkedHashMap<>();
        Set<Mapper<?>> mappers = new LinkedHashSet<>();
        Mapper<?> lastMapper = null;
        List<InstanceStateImpl> lastGroup = null;
        for (InstanceStateImpl st : session.pending) {
            if (st.mapper != lastMapper) { // objects come in runs of one class: one lookup per run
                lastMapper = st.mapper;
                // the first run is sized for every pending object (usually one class): no regrowth
                int capacity = inserts.isEmpty() ? session.pending.size() : 10;
                lastGroup = inserts.computeIfAbsent(st.mapper, k -> new ArrayList<>(capacity));
                mappers.add(st.mapper);
            }
            lastGroup.add(st);
        }
        for (InstanceStateImpl st : session.toDelete) {
            deletes.computeIfAbsent(st.mapper, k -> new ArrayList<>()).add(st);
            mappers.add(st.mapper);
        }
        boolean structural = !mappers.isEmpty() || deps != null && deps.hasWork();
        if (!structural) { // only UPDATEs, if anything: no SQL and no connection when nothing changed
            scanDirty(updates, mappers);
            if (mappers.isEmpty()) {
                session.collectionsChanged = false;
                return;
            }
        }
        List<InstanceStateImpl[]> switches = rowSwitches(inserts, updates, deletes);
        // without relationships nothing changes a new object's columns between here and its INSERT
        // (no foreign keys to fill in): their values are read once, for the identity check and the row
        Map<Mapper<?>, List<Object[]>> rows = checkIdentities(inserts, deps == null);
        if (structural) {
            for (Mapper<?> k : session.identityMap.keySet()) {
                mappers.add(k);
                if (k.hierarchy() != null) { // a hierarchy's objects share the base's identity map
                    mappers.addAll(k.descendants());
                }
            }
        }
        List<Mapper<?>> order = FlushOrder.sort(mappers);
        Connection conn = session.writeConnection();
        SessionTransactionImpl tx = session.current();
        Map<Mapper<?>, List<Dirty>> early = new LinkedHashMap<>();
        // as SQLAlchemy: a mapper's UPDATEs before its INSERTs (a replaced one-to-one frees its key); a flush
        // with only UPDATEs found them above already (scanning again would run each UPDATE twice)
        if (deps != null && structural) {
            deps.applyReady();
            scanDirty(early, new LinkedHashSet<>());
        }
        int inserted = 0;
        for (Mapper<?> m : order) {
            List<Dirty> upd = early.get(m);
            if (upd != null) {
                update(conn, m, upd);
            }
            List<InstanceStateImpl> ins = inserts.get(m);
            if (ins == null || ins.isEmpty()) {
                continue;
            }
            if (deps == null) {
                insert(conn, tx, m, ins, rows.get(m));
            } else {
                for (List<InstanceStateImpl> level : deps.levels(ins)) {
                    deps.apply(level);
                    insert(conn, tx, m, level, null);
                }
            }
            inserted += ins.size();
        }
        // inserted objects leave the pending set together (if a statement fails, rollback restores them)
        if (inserted == session.pending.size()) {
            session.pending.clear();
        } else if (inserted > 0) {
            session.pending.removeIf(st -> st.state != ObjectState.PENDING);
        }
        if (structural) {
            if (deps != null) {
                deps.applyRemaining();
            }
            // scanDirty skips the objects this flush inserted: when they are all the session holds
            // (each inserted state is a distinct member of session.states), there is nothing to scan
            if (inserted != session.states.size()) {
                scanDirty(updates, new LinkedHashSet<>());
            }
        }
        for (Mapper<?> m : order) {
            List<Dirty> upd = updates.get(m);
            if (upd != null) {
                update(conn, m, upd);
            }
        }
        finishRowSwitches(tx, switches);
        objectCount = inserted;
        for (List<Dirty> d : early.values()) {
            objectCount += d.size();
        }
        for (List<Dirty> d : updates.values()) {
            objectCount += d.size();
        }
        for (List<InstanceStateImpl> d : deletes.values()) {
            objectCount += d.size();
        }
        if (deps != null) {
            deps.writeAssociations(conn);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            List<InstanceStateImpl> del = deletes.get(order.get(i));
            if (del != null && !del.isEmpty()) {
                if (deps != null && Dependencies.selfReferential(order.get(i))) {
                    del = new ArrayList<>(del);
                    java.util.Collections.reverse(del); // cascaded children were marked after their parents
                }
                delete(conn, tx, order.get(i), del);
            }
        }
        if (deps != null) {
            deps.committed();
        }
        session.collectionsChanged = false;
        if (events != null) {
            events.after();
        }
        if (ormEvents.has(org.jalchemy.orm.OrmEvents.SessionEvent.AFTER_FLUSH)) {
            ormEvents.fire(org.jalchemy.orm.OrmEvents.SessionEvent.AFTER_FLUSH, session);
        }
    }

    private FlushEvents events; // null: nobody listens

    /** Pending or deleted objects, or a persistent one whose columns changed (for beforeFlush only). */
    private boolean hasWork() {
        if (!session.pending.isEmpty() || !session.toDelete.isEmpty() || session.collectionsChanged) {
            return true;
        }
        for (InstanceStateImpl st : session.states.values()) {
            if (st.state == ObjectState.PERSISTENT && !st.markedForDeletion && !st.modifiedAttributes().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Persistent objects whose columns differ from their snapshot, grouped by mapper. */
    private void scanDirty(Map<Mapper<?>, List<Dirty>> updates, Set<Mapper<?>> mappers) {
        for (InstanceStateImpl st : session.states.values()) {
            if (st.state != ObjectState.PERSISTENT || st.markedForDeletion || st.insertedBy == flushId) {
                continue;
            }
            List<ColumnProperty> props = st.mapper.properties();
            BitSet changed = null;
            for (int i = 0, n = props.size(); i < n; i++) { // no allocation for unchanged objects
                if (!InstanceStateImpl.same(props.get(i).get(st.object), st.snapshot[i])) {
                    if (changed == null) {
                        changed = new BitSet(n);
                    }
                    changed.set(i);
                }
            }
            if (changed != null && st.mapper.computedMask() != 0L) { // computed attributes are never written
                changed.andNot(BitSet.valueOf(new long[]{st.mapper.computedMask()}));
                if (changed.isEmpty()) {
                    changed = null;
                }
            }
            if (changed != null) {
                Object[] now = st.currentValues();
                updates.computeIfAbsent(st.mapper, k -> new ArrayList<>()).add(new Dirty(st, now, changed));
                mappers.add(st.mapper);
            }
        }
    }

    /**
     * "Row switch": a new object whose key belongs to an object marked for deletion replaces that
     * row with an UPDATE of the differing columns instead of a DELETE plus an INSERT (which would
     * collide on the key, and break rows referencing it). Returns {new, old} pairs.
     */
    private List<InstanceStateImpl[]> rowSwitches(Map<Mapper<?>, List<InstanceStateImpl>> inserts,
                                              Map<Mapper<?>, List<Dirty>> updates,
                                              Map<Mapper<?>, List<InstanceStateImpl>> deletes) {
        List<InstanceStateImpl[]> switches = new ArrayList<>();
        if (session.toDelete.isEmpty()) {
            return switches;
        }
        for (Map.Entry<Mapper<?>, List<InstanceStateImpl>> e : inserts.entrySet()) {
            Mapper<?> m = e.getKey();
            for (java.util.Iterator<InstanceStateImpl> it = e.getValue().iterator(); it.hasNext(); ) {
                InstanceStateImpl st = it.next();
                Object id = m.identity(st.object);
                InstanceStateImpl old = id == null ? null : session.lookup(m, id);
                if (old == null || !old.markedForDeletion) {
                    continue;
                }
                it.remove();
                deletes.get(m).remove(old);
                Object[] now = st.currentValues();
                BitSet changed = new BitSet(now.length);
                for (int i = 0; i < now.length; i++) {
                    if (!InstanceStateImpl.same(now[i], old.snapshot[i])) {
                        changed.set(i);
                    }
                }
                changed.andNot(BitSet.valueOf(new long[]{m.computedMask()}));
                st.identity = id;
                st.snapshot = old.snapshot;
                if (!changed.isEmpty()) {
                    updates.computeIfAbsent(m, k -> new ArrayList<>()).add(new Dirty(st, now, changed));
                }
                switches.add(new InstanceStateImpl[]{st, old});
            }
        }
        return switches;
    }

    private void finishRowSwitches(SessionTransactionImpl tx, List<InstanceStateImpl[]> switches) {
        for (InstanceStateImpl[] sw : switches) {
            InstanceStateImpl st = sw[0];
            InstanceStateImpl old = sw[1];
            if (st.snapshot == old.snapshot) { // no UPDATE was needed
                ColumnProperty v = st.mapper.versionProperty();
                if (v != null) {
                    v.set(st.object, old.snapshot[v.index()]);
                }
                st.snapshot = st.currentValues();
            }
            session.toDelete.remove(old);
            old.markedForDeletion = false;
            old.state = ObjectState.DELETED;
            tx.deleted.add(old);
            st.state = ObjectState.PERSISTENT;
            session.pending.remove(st);
            session.identityMap(st.mapper).put(st.identity, st);
            tx.inserted.add(st);
        }
    }

    /**
     * Pending objects with a given key must not collide with each other or with objects the session
     * holds. With {@code readRows}, returns each mapper's objects' current column values
     * ({@link InstanceStateImpl#currentValues()}, parallel to its list in {@code inserts}) for
     * {@link #insert} to bind, read here once instead of twice; only for mappers whose INSERT sets
     * no column itself (no discriminator, no version counter), else the map has no entry for it.
     */
    private Map<Mapper<?>, List<Object[]>> checkIdentities(Map<Mapper<?>, List<InstanceStateImpl>> inserts,
                                                            boolean readRows) {
        Map<Mapper<?>, List<Object[]>> rows = readRows ? new HashMap<>() : null;
        for (Map.Entry<Mapper<?>, List<InstanceStateImpl>> e : inserts.entrySet()) {
            Mapper<?> m = e.getKey();
            List<Object[]> values = null;
            if (readRows && m.hierarchy() == null && m.versionProperty() == null) {
                values = new ArrayList<>(e.getValue().size());
                rows.put(m, values);
            }
            Map<Object, InstanceStateImpl> seen = null; // created at the first given key (no allocation when the database generates them)
            Map<Object, InstanceStateImpl> held = session.identityMap.get(m);
            for (InstanceStateImpl st : e.getValue()) {
                Object id;
                if (values != null) {
                    Object[] v = st.currentValues();
                    values.add(v);
                    id = identityOrNull(m, v);
                } else {
                    id = m.identity(st.object);
                }
                if (id == null) {
                    continue; // checked in insert(), after relationships supplied foreign-key parts of the key
                }
                InstanceStateImpl other = held == null || held.isEmpty() ? null : held.get(id);
                if (other != null && !other.markedForDeletion) {
                    throw new FlushError("New instance " + m.describe(id) + " conflicts with the persistent instance "
                            + "with the same identity already in this session");
                }
                if (seen == null) {
                    seen = SessionImpl.newKeyMap(e.getValue().size());
                }
                if (seen.put(id, st) != null) {
                    throw new FlushError("Two new instances share the identity " + m.describe(id));
                }
            }
        }
        return rows;
    }

    /** {@link Mapper#identity} from a row of current values: null when any key column is null. */
    private static Object identityOrNull(Mapper<?> m, Object[] v) {
        for (int k = 0, n = m.primaryKeySize(); k < n; k++) {
            if (v[m.primaryKey(k).index()] == null) {
                return null;
            }
        }
        return m.identityFromValues(v);
    }

    // ------------------------------------------------------------------ INSERT

    /**
     * INSERTs {@code states} (all of mapper {@code m}); {@code given}, when not null, holds their
     * current column values as {@link #checkIdentities} read them (parallel to {@code states}).
     */
    private void insert(Connection conn, SessionTransactionImpl tx, Mapper<?> m, List<InstanceStateImpl> states,
                        List<Object[]> given) {
        if (events != null) {
            events.inserted.addAll(states);
        }
        List<ColumnProperty> props = m.properties();
        int n = props.size();
        ColumnProperty version = m.versionProperty();
        ColumnProperty discriminator = m.hierarchy() == null ? null : m.hierarchy().discriminator();
        List<Object[]> values = given != null && given.size() == states.size() ? given : null;
        if (values == null) {
            values = new ArrayList<>(states.size());
        }
        for (int s = 0; s < states.size(); s++) {
            InstanceStateImpl st = states.get(s);
            Object[] row = values == given ? given.get(s) : null;
            if (discriminator != null) { // the row says which class it is (SQLAlchemy sets polymorphic_on too)
                discriminator.set(st.object, m.polymorphicIdentity());
            }
            for (int k = 0, pks = m.primaryKeySize(); k < pks; k++) {
                ColumnProperty pk = m.primaryKey(k);
                if (!pk.autoincrement() && pk.serverDefault() == null
                        && (row != null ? row[pk.index()] : pk.get(st.object)) == null) {
                    throw new FlushError("Instance of " + m.entityName() + " has a NULL primary key: "
                            + pk.name() + " has no value and the database does not generate one");
                }
            }
            if (version != null && version.get(st.object) == null) {
                version.set(st.object, version.javaType() == Long.class ? (Object) 1L : (Object) 1);
            }
            if (row == null) {
                values.add(st.currentValues());
            }
        }
        int[] optional = optionalColumns(props); // the database may generate these: left out when null
        Map<Object, InstanceStateImpl> im = session.identityMap(m);
        SessionImpl.reserve(im, states.size()); // sized once, not regrown (and rehashed) step by step
        tx.inserted.ensureCapacity(tx.inserted.size() + states.size());
        long computed = m.computedMask();
        int start = 0;
        while (start < states.size()) {
            BitSet shape = new BitSet(n);
            shape.set(0, n);
            if (computed != 0L) {
                shape.andNot(BitSet.valueOf(new long[]{computed}));
            }
            for (int i : optional) {
                shape.set(i, values.get(start)[i] != null);
            }
            int end = start + 1;
            while (end < states.size() && sameShape(values.get(end), shape, optional)) {
                end++;
            }
            boolean expire = insertGroup(conn, m, shape, states.subList(start, end), values.subList(start, end));
            for (int i = start; i < end; i++) {
                InstanceStateImpl st = states.get(i);
                st.expired = expire;
                st.unloaded |= computed; // not known until the session meets the row again
                Object[] v = values.get(i); // the fields as bound; only generated columns changed since
                for (int c : optional) {
                    if (!shape.get(c) && v[c] == null) { // not already filled in from RETURNING (insertReturning)
                        v[c] = props.get(c).get(st.object);
                    }
                }
                st.identity = m.identityFromValues(v);
                st.snapshot = v;
                st.state = ObjectState.PERSISTENT; // leaves session.pending after the insert phase, see flush()
                st.insertedBy = flushId;
                im.put(st.identity, st);
                tx.inserted.add(st);
            }
            start = end;
        }
    }

    /** Indexes of the columns the database can generate (autoincrement or server default). */
    private static int[] optionalColumns(List<ColumnProperty> props) {
        int[] out = new int[props.size()];
        int k = 0;
        for (int i = 0; i < props.size(); i++) {
            ColumnProperty p = props.get(i);
            if (p.autoincrement() || p.serverDefault() != null) {
                out[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /**
     * Runs one group's INSERTs into each of the mapper's tables, base first (a joined subclass's
     * own table takes the key the base's INSERT produced); true when server-generated values could
     * not be read back.
     */
    private boolean insertGroup(Connection conn, Mapper<?> m, BitSet shape, List<InstanceStateImpl> states,
                                List<Object[]> values) {
        List<Mapper.TablePart> parts = m.tableParts();
        if (parts.size() == 1) {
            return insertGroup(conn, m, parts.get(0), shape, states, values);
        }
        boolean expire = false;
        for (int k = 0; k < parts.size(); k++) {
            Mapper.TablePart part = parts.get(k);
            BitSet partShape = new BitSet(m.properties().size());
            for (ColumnProperty p : part.properties()) {
                if (shape.get(p.index()) || k > 0 && p.primaryKey()) {
                    partShape.set(p.index());
                }
            }
            if (k > 0) { // the base table's INSERT gave the key (generated or not): the other tables' rows use it
                for (int i = 0; i < states.size(); i++) {
                    for (int j = 0; j < m.primaryKeySize(); j++) {
                        ColumnProperty pk = m.primaryKey(j);
                        values.get(i)[pk.index()] = pk.get(states.get(i).object);
                    }
                }
            }
            expire |= insertGroup(conn, m, part, partShape, states, values);
        }
        return expire;
    }

    private static boolean sameShape(Object[] v, BitSet shape, int[] optional) {
        for (int i : optional) {
            if ((v[i] != null) != shape.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Runs one group's INSERTs into one table; true when server-generated values could not be read back (expire the objects). */
    private boolean insertGroup(Connection conn, Mapper<?> m, Mapper.TablePart part, BitSet shape,
                                List<InstanceStateImpl> states, List<Object[]> values) {
        MappedTable<?> table = part.table();
        List<ColumnProperty> cols = new ArrayList<>();
        List<ColumnProperty> generated = new ArrayList<>();
        for (ColumnProperty p : part.properties()) {
            (shape.get(p.index()) ? cols : generated).add(p);
        }
        ColumnProperty[] colArr = cols.toArray(ColumnProperty[]::new);
        int rows = states.size();
        try {
            if (generated.isEmpty() && rows > 1 && colArr.length > 0 && session.dialect.prefersMultiValuesInsertToBatch()) {
                insertValuesPages(conn, m, table, colArr, values);
                return false;
            }
            if (generated.isEmpty()) {
                Compiled c = session.statements.insert(session.dialect, m, table, colArr, 1, new ColumnProperty[0]);
                List<Object[]> batch;
                if (allInOrder(colArr, m.properties().size())) { // the rows are bound as they are (read only)
                    batch = values;
                } else {
                    batch = new ArrayList<>(rows);
                    for (Object[] v : values) {
                        batch.add(pick(v, colArr));
                    }
                }
                if (rows == 1) {
                    conn.executeCompiled(c, batch.get(0)).close();
                } else {
                    conn.executeCompiledMany(c, batch);
                }
                return false;
            }
            ColumnProperty[] genArr = generated.toArray(ColumnProperty[]::new);
            if (session.insertReturning) {
                int page = rowsPerInsert(colArr.length);
                // every full page has the same statement: looked up once per group, not per page
                Compiled full = rows >= page ? session.statements.insert(session.dialect, m, table, colArr, page, genArr) : null;
                for (int from = 0; from < rows; from += page) {
                    int to = Math.min(rows, from + page);
                    Compiled c = to - from == page ? full
                            : session.statements.insert(session.dialect, m, table, colArr, to - from, genArr);
                    insertReturning(conn, m, c, colArr, genArr, states.subList(from, to), values.subList(from, to));
                }
                return false;
            }
            GeneratedKeys.insert(conn, session.statements.insert(session.dialect, m, table, colArr, 1,
                    new ColumnProperty[0]), colArr, genArr, states, values);
            for (ColumnProperty g : genArr) {
                if (!(g.autoincrement() && g.primaryKey())) {
                    return true;
                }
            }
            return false;
        } catch (DBAPIError e) {
            throw enrich(e, "INSERT of " + rows + " " + m.entityName() + " row(s) into " + table.name()
                    + (rows > 0 ? "; first: " + describeNew(m, states.get(0)) : ""));
        }
    }

    /**
     * The rows as pages of multi-row {@code INSERT ... VALUES (...), (...)} (SQLAlchemy's
     * "insertmanyvalues" without RETURNING) rather than one JDBC batch, for a dialect whose driver
     * runs a batch row by row ({@code Dialect.prefersMultiValuesInsertToBatch}: sqlite-jdbc, where a
     * 1000-row page costs about 0.6x the batch per row). Same rows, same order; each page is one
     * statement, so a failing page writes none of its rows (the flush's transaction is rolled back
     * either way).
     */
    private void insertValuesPages(Connection conn, Mapper<?> m, MappedTable<?> table, ColumnProperty[] cols,
                                   List<Object[]> values) {
        int rows = values.size();
        int page = rowsPerInsert(cols.length);
        ColumnProperty[] none = new ColumnProperty[0];
        // every full page has the same statement: looked up once, not per page
        Compiled full = rows >= page ? session.statements.insert(session.dialect, m, table, cols, page, none) : null;
        for (int from = 0; from < rows; from += page) {
            List<Object[]> slice = values.subList(from, Math.min(rows, from + page));
            Compiled c = slice.size() == page ? full
                    : session.statements.insert(session.dialect, m, table, cols, slice.size(), none);
            conn.executeCompiled(c, flatten(slice, cols)).close();
        }
    }

    /** Rows per multi-row INSERT: at most {@value #MAX_ROWS_PER_INSERT}, and {@value #MAX_PARAMS} parameters. */
    private static int rowsPerInsert(int columns) {
        return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMS / Math.max(1, columns)));
    }

    /** The parameters of a multi-row INSERT: {@code cols}' values of each row, row after row. */
    private static Object[] flatten(List<Object[]> rows, ColumnProperty[] cols) {
        Object[] params = new Object[rows.size() * cols.length];
        int k = 0;
        for (Object[] v : rows) {
            for (ColumnProperty p : cols) {
                params[k++] = v[p.index()];
            }
        }
        return params;
    }

    /** Runs {@code c}, a multi-row {@code INSERT ... RETURNING} of {@code states}, and sets what it returned on the objects. */
    private void insertReturning(Connection conn, Mapper<?> m, Compiled c, ColumnProperty[] cols, ColumnProperty[] gen,
                                 List<InstanceStateImpl> states, List<Object[]> values) {
        int rows = states.size();
        // the returned rows as bare arrays (no Row per object): they are only read here
        Object[][] returned = new Object[rows][];
        int got = 0;
        try (Result r = conn.executeCompiled(c, flatten(values, cols))) {
            for (Object[] row = r.fetchArray(); row != null; row = r.fetchArray()) {
                if (got == rows) {
                    throw new FlushError("INSERT of " + rows + " " + m.entityName() + " rows returned more rows");
                }
                returned[got++] = row;
            }
        }
        if (got != rows) {
            throw new FlushError("INSERT of " + rows + " " + m.entityName() + " rows returned " + got + " rows");
        }
        int keyIdx = -1;
        for (int i = 0; i < gen.length; i++) {
            if (gen[i].autoincrement() && gen[i].primaryKey()) {
                keyIdx = i;
            }
        }
        // match by ascending generated key: the database assigns them in VALUES order (rows usually come back in it)
        if (keyIdx >= 0 && rows > 1 && !ascending(returned, keyIdx)) {
            final int ki = keyIdx;
            Arrays.sort(returned, Comparator.comparingLong(r -> ((Number) r[ki]).longValue()));
        }
        for (int i = 0; i < rows; i++) {
            Object[] row = returned[i];
            Object[] v = values.get(i);
            Object object = states.get(i).object;
            for (int g = 0; g < gen.length; g++) {
                Object value = row[g];
                gen[g].set(object, value);
                if (value != null) { // what the field now holds: the snapshot need not read it back
                    v[gen[g].index()] = value;
                }
            }
        }
    }

    /** True when {@code cols} are the mapper's {@code n} properties in index order (a row of values needs no picking). */
    private static boolean allInOrder(ColumnProperty[] cols, int n) {
        if (cols.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (cols[i].index() != i) {
                return false;
            }
        }
        return true;
    }

    /** True when column {@code k} of {@code rows} ascends (then matching rows to objects needs no sort). */
    private static boolean ascending(Object[][] rows, int k) {
        long last = Long.MIN_VALUE;
        for (Object[] r : rows) {
            long key = ((Number) r[k]).longValue();
            if (key < last) {
                return false;
            }
            last = key;
        }
        return true;
    }

    private static Object[] pick(Object[] v, ColumnProperty[] cols) {
        Object[] out = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
            out[i] = v[cols[i].index()];
        }
        return out;
    }

    private static String describeNew(Mapper<?> m, InstanceStateImpl st) {
        Object id = m.identity(st.object);
        return id != null ? m.describe(id) : m.entityName() + "(<key generated by the database>)";
    }

    // ------------------------------------------------------------------ UPDATE

    private record Dirty(InstanceStateImpl state, Object[] now, BitSet changed) {
    }

    private void update(Connection conn, Mapper<?> m, List<Dirty> dirty) {
        if (events != null) {
            for (Dirty d : dirty) {
                events.updated.add(d.state);
            }
        }
        ColumnProperty version = m.versionProperty();
        Map<BitSet, List<Dirty>> groups = new LinkedHashMap<>();
        for (Dirty d : dirty) {
            if (version != null) {
                d.changed.clear(version.index()); // the flush owns the version column
                if (d.changed.isEmpty()) {
                    continue;
                }
            }
            groups.computeIfAbsent(d.changed, k -> new ArrayList<>()).add(d);
        }
        List<ColumnProperty> props = m.properties();
        List<Mapper.TablePart> parts = m.tableParts();
        for (Map.Entry<BitSet, List<Dirty>> g : groups.entrySet()) {
            List<ColumnProperty> set = new ArrayList<>();
            g.getKey().stream().forEach(i -> set.add(props.get(i)));
            if (version != null) {
                set.add(version);
                set.sort(java.util.Comparator.comparingInt(ColumnProperty::index)); // SET in table column order
            }
            if (parts.size() == 1) {
                updateTable(conn, m, parts.get(0).table(), set, version, g.getValue());
            } else { // a joined subclass: one UPDATE per table holding changed columns, base first
                for (Mapper.TablePart part : parts) {
                    List<ColumnProperty> mine = new ArrayList<>();
                    for (ColumnProperty p : set) {
                        if (part.table().stores(p)) {
                            mine.add(p);
                        }
                    }
                    if (!mine.isEmpty()) {
                        updateTable(conn, m, part.table(), mine,
                                version != null && part.table().stores(version) ? version : null, g.getValue());
                    }
                }
            }
            for (Dirty d : g.getValue()) {
                InstanceStateImpl st = d.state;
                if (version != null) {
                    version.set(st.object, nextVersion(version, st.snapshot[version.index()]));
                }
                Object[] now = st.currentValues();
                Object newId = m.identityFromValues(now);
                if (!newId.equals(st.identity)) {
                    Map<Object, InstanceStateImpl> im = session.identityMap(m);
                    im.remove(st.identity);
                    im.put(newId, st);
                    st.identity = newId;
                }
                st.snapshot = now;
                st.unloaded |= m.computedMask(); // computed attributes may have changed with the row
            }
        }
    }

    /** One UPDATE statement shape over {@code table} for a group of objects; {@code version} is checked when given. */
    private void updateTable(Connection conn, Mapper<?> m, MappedTable<?> table, List<ColumnProperty> set,
                             ColumnProperty version, List<Dirty> group) {
        ColumnProperty[] setArr = set.toArray(ColumnProperty[]::new);
        Compiled c = session.statements.update(session.dialect, m, table, setArr, version != null);
        List<Object[]> rows = new ArrayList<>(group.size());
        for (Dirty d : group) {
            Object[] row = new Object[setArr.length + m.primaryKeySize() + (version != null ? 1 : 0)];
            int k = 0;
            for (ColumnProperty p : setArr) {
                row[k++] = p == version ? nextVersion(version, d.state.snapshot[version.index()]) : d.now[p.index()];
            }
            for (int i = 0; i < m.primaryKeySize(); i++) {
                row[k++] = d.state.snapshot[m.primaryKey(i).index()];
            }
            if (version != null) {
                row[k] = d.state.snapshot[version.index()];
            }
            rows.add(row);
        }
        List<InstanceStateImpl> states = new ArrayList<>(group.size());
        for (Dirty d : group) {
            states.add(d.state);
        }
        runChecked(conn, "UPDATE", m, table, c, rows, states, version != null);
    }

    /**
     * Runs {@code c} once per row (one JDBC batch, or row by row when {@code rowByRow}: versioned
     * rows, so a mismatch names its object) and checks each row matched one row of {@code table};
     * {@link StaleDataError} otherwise, database errors with the flush's context.
     */
    private void runChecked(Connection conn, String op, Mapper<?> m, MappedTable<?> table, Compiled c,
                            List<Object[]> rows, List<InstanceStateImpl> states, boolean rowByRow) {
        try {
            if (rowByRow || rows.size() == 1) {
                for (int i = 0; i < rows.size(); i++) {
                    long count = conn.executeCompiled(c, rows.get(i)).rowcount();
                    if (count != 1) {
                        throw stale(op, m, table, List.of(states.get(i)), 1, count);
                    }
                }
            } else {
                long count = conn.executeCompiledMany(c, rows).rowcount();
                if (count >= 0 && count != rows.size()) {
                    throw stale(op, m, table, states, rows.size(), count);
                }
            }
        } catch (DBAPIError e) {
            throw enrich(e, op + " of " + rows.size() + " " + m.entityName() + " row(s); first: " + states.get(0).describe());
        }
    }

    private static Object nextVersion(ColumnProperty version, Object old) {
        long v = old == null ? 0 : ((Number) old).longValue();
        return version.javaType() == Long.class ? (Object) (v + 1) : (Object) (int) (v + 1);
    }

    // ------------------------------------------------------------------ DELETE

    private void delete(Connection conn, SessionTransactionImpl tx, Mapper<?> m, List<InstanceStateImpl> states) {
        if (events != null) {
            events.deleted.addAll(states);
        }
        ColumnProperty version = m.versionProperty();
        List<Mapper.TablePart> parts = m.tableParts();
        for (int k = parts.size() - 1; k >= 0; k--) { // a joined subclass's own table first, the base's last
            MappedTable<?> table = parts.get(k).table();
            deleteFrom(conn, m, table, version != null && table.stores(version) ? version : null, states);
        }
        for (InstanceStateImpl st : states) {
            session.toDelete.remove(st);
            st.markedForDeletion = false;
            st.state = ObjectState.DELETED;
            Map<Object, InstanceStateImpl> im = session.identityMap.get(m.identityBase());
            if (im != null) {
                im.remove(st.identity);
            }
            tx.deleted.add(st);
        }
    }

    private void deleteFrom(Connection conn, Mapper<?> m, MappedTable<?> table, ColumnProperty version,
                            List<InstanceStateImpl> states) {
        Compiled c = session.statements.delete(session.dialect, m, table, version != null);
        List<Object[]> rows = new ArrayList<>(states.size());
        for (InstanceStateImpl st : states) {
            Object[] row = new Object[m.primaryKeySize() + (version != null ? 1 : 0)];
            for (int i = 0; i < m.primaryKeySize(); i++) {
                row[i] = st.snapshot[m.primaryKey(i).index()];
            }
            if (version != null) {
                row[row.length - 1] = st.snapshot[version.index()];
            }
            rows.add(row);
        }
        runChecked(conn, "DELETE", m, table, c, rows, states, version != null);
    }

    // ------------------------------------------------------------------ errors

    private static StaleDataError stale(String op, Mapper<?> m, MappedTable<?> table, List<InstanceStateImpl> states,
                                        long expected, long matched) {
        String which = states.size() == 1 ? states.get(0).describe()
                : states.size() + " " + m.entityName() + " objects (first " + states.get(0).describe() + ")";
        return new StaleDataError(op + " statement on table '" + table.name() + "' expected to match " + expected
                + " row(s); " + matched + " matched, for " + which
                + (m.versionProperty() != null ? ": the row was changed or deleted since it was loaded (version check)"
                : ": the row was deleted by someone else"));
    }

    /** The same kind of error with the flush's context (entity, key) prepended; cause and details kept. */
    static DBAPIError enrich(DBAPIError e, String context) {
        String msg = "(flush: " + context + ") " + e.getMessage();
        DBAPIError.Details d = new DBAPIError.Details(msg, e.getCause(), e.statement(), e.parameters(),
                e.connectionInvalidated(), e.retryable());
        for (ErrorKind k : ErrorKind.values()) {
            DBAPIError candidate = k.create(d);
            if (candidate.getClass() == e.getClass()) {
                candidate.setStackTrace(e.getStackTrace());
                return candidate;
            }
        }
        return e;
    }
}
