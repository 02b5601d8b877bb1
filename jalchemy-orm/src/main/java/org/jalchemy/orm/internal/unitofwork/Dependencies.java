package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.orm.internal.loading.CollectionState;
import org.jalchemy.orm.FlushError;
import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.orm.internal.loading.Loading;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Ref;
import org.jalchemy.orm.internal.loading.RefImpl;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.engine.Connection;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.orm.annotations.Relationship.Cascade;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.orm.mapping.RelationshipProperty;
import org.jalchemy.orm.mapping.RelationshipProperty.Direction;
import org.jalchemy.orm.mapping.RelationshipProperty.Resolved;
import org.jalchemy.orm.mapping.RelationshipProperty.Secondary;
import org.jalchemy.sql.Sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relationship half of one flush (SQLAlchemy's dependency processors): before the flush
 * collects rows it runs cascades (save-update of objects found in collections and references,
 * delete and delete-orphan), and works out which foreign-key values each object must receive
 * ("links") and which association rows to insert or delete. The unit of work then applies a
 * pending object's links just before its INSERT (its parent was inserted earlier, in mapper order
 * or, for self-referential tables, in an earlier level), the other links after all INSERTs (so
 * the dirty check turns them into UPDATEs), writes association rows after the INSERTs and
 * UPDATEs, and finally records what the collections and references now hold.
 *
 * <p>Links that null a foreign key (a child removed from its parent's collection, or whose parent
 * is deleted without a delete cascade) are applied before links that set one, so a child moved
 * to another parent ends with the new key. A dependency cycle between tables (both rows new, each
 * referring to the other) is not broken with a post-update: it raises {@link FlushError}.
 */
final class Dependencies {
    /** {@code holder.fk := source.key} (or NULL when source is null). */
    private record Link(InstanceStateImpl holder, ColumnProperty fk, InstanceStateImpl source, Object sourceObject,
                        ColumnProperty key, RelationshipProperty via) {
    }

    private record Pair(Secondary secondary, Object left, Object right) {
    }

    private final SessionImpl session;
    private final List<Link> nulls = new ArrayList<>();
    private final List<Link> sets = new ArrayList<>();
    private final Map<InstanceStateImpl, List<Link>> byHolder = new IdentityHashMap<>();
    private final List<Pair> pairAdds = new ArrayList<>();
    private final List<Pair> pairRemoves = new ArrayList<>();
    private final Map<Secondary, List<InstanceStateImpl>> ownerRowDeletes = new LinkedHashMap<>();
    private final Set<InstanceStateImpl> deleting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Dependencies(SessionImpl session) {
        this.session = session;
    }

    // ------------------------------------------------------------------ before the flush

    void preflush() {
        saveUpdateCascade();
        deleteCascade();
        for (InstanceStateImpl st : session.toDelete) {
            deleting.add(st);
        }
        orphans();
        for (InstanceStateImpl st : session.toDelete) {
            deleting.add(st);
        }
        links();
    }

    /** Objects reachable through save-update relationships join the session; references are reconciled. */
    private void saveUpdateCascade() {
        Loading loading = session.loading();
        List<Object> toAdd = new ArrayList<>();
        for (InstanceStateImpl st : session.states.values()) {
            if (st.collections == null || st.markedForDeletion || st.state == ObjectState.DELETED) {
                continue;
            }
            List<RelationshipProperty> rels = st.mapper.relationships();
            for (int i = 0; i < rels.size(); i++) {
                RelationshipProperty rel = rels.get(i);
                boolean cascade = rel.resolved().cascades(Cascade.SAVE_UPDATE);
                if (!rel.isCollection()) {
                    loading.reconcileRef(st, i);
                    Object ref = cascade ? RefImpl.value(rel, st.object) : null;
                    if (ref != null && !session.contains(ref)) {
                        toAdd.add(ref);
                    }
                    continue;
                }
                CollectionState cs = st.collections[i];
                if (cs != null && cs.changed && cascade) { // added through the collection: cascaded already,
                    for (Object o : cs.elements) {          // unless added while the owner was detached
                        if (!session.contains(o)) {
                            toAdd.add(o);
                        }
                    }
                }
            }
        }
        for (Object o : toAdd) { // each add cascades through the new object's own relationships
            if (!session.contains(o)) {
                session.cascadeAdd(o);
            }
        }
    }

    /** Children of deleted objects: deleted too (cascade delete), or their foreign key nulled. */
    private void deleteCascade() {
        List<InstanceStateImpl> work = new ArrayList<>(session.toDelete);
        for (int w = 0; w < work.size(); w++) {
            InstanceStateImpl st = work.get(w);
            deleting.add(st);
            if (st.collections == null) {
                continue;
            }
            List<RelationshipProperty> rels = st.mapper.relationships();
            for (int i = 0; i < rels.size(); i++) {
                RelationshipProperty rel = rels.get(i);
                Resolved r = rel.resolved();
                if (r.viewonly() || r.direction() == Direction.MANY_TO_ONE) {
                    if (r.direction() == Direction.MANY_TO_ONE && r.cascades(Cascade.DELETE)) {
                        Object parent = RefImpl.value(rel, st.object);
                        InstanceStateImpl ps = parent == null ? null : session.states.get(parent);
                        if (ps != null && ps.state == ObjectState.PERSISTENT && !ps.markedForDeletion) {
                            session.delete(parent);
                            work.add(ps);
                        }
                    }
                    continue;
                }
                if (r.direction() == Direction.MANY_TO_MANY) {
                    if (!r.passiveDeletes()) {
                        ownerRowDeletes.computeIfAbsent(r.secondary(), k -> new ArrayList<>()).add(st);
                    }
                    if (!r.cascades(Cascade.DELETE)) {
                        continue;
                    }
                }
                List<Object> children = children(st, i, rel, !r.passiveDeletes());
                for (Object child : children) {
                    InstanceStateImpl cs = session.states.get(child);
                    if (cs == null) {
                        continue;
                    }
                    if (r.cascades(Cascade.DELETE) || r.cascades(Cascade.DELETE_ORPHAN)) {
                        if (cs.state == ObjectState.PENDING) {
                            session.forget(cs, ObjectState.TRANSIENT);
                        } else if (cs.state == ObjectState.PERSISTENT && !cs.markedForDeletion) {
                            session.delete(child);
                            work.add(cs);
                        }
                    } else if (r.direction() == Direction.ONE_TO_MANY && !r.passiveDeletes()) {
                        link(nulls, cs, r.remote(), null, null, null, rel);
                    }
                }
            }
        }
    }

    /** The related objects of {@code st.rels[i]}: loaded ones, or loaded now when {@code load} (the flush's own SELECT). */
    private List<Object> children(InstanceStateImpl st, int i, RelationshipProperty rel, boolean load) {
        if (rel.isCollection()) {
            CollectionState cs = st.collections[i];
            if (cs == null || !cs.installed()) {
                return rel.get(st.object) instanceof java.util.Collection<?> c ? new ArrayList<>(c) : List.of();
            }
            if (!cs.loaded && !cs.writeOnly && load && st.state == ObjectState.PERSISTENT) {
                Map<InstanceStateImpl, List<Object>> found = session.loading().loadCollections(rel, List.of(st),
                        Loading.Plan.DEFAULT);
                cs.loadedWith(found.getOrDefault(st, List.of()));
            }
            List<Object> out = new ArrayList<>(cs.elements);
            Map<Object, Boolean> current = CollectionState.identitySet(out);
            for (Object o : cs.committed()) { // removed since load: their keys still point at the deleted parent
                if (!current.containsKey(o)) {
                    out.add(o);
                }
            }
            return out;
        }
        Object ref = RefImpl.value(rel, st.object);
        if (ref == null && load && st.refs[i] == null && st.state == ObjectState.PERSISTENT) {
            Map<InstanceStateImpl, List<Object>> found = session.loading().loadCollections(rel, List.of(st),
                    Loading.Plan.DEFAULT);
            List<Object> l = found.getOrDefault(st, List.of());
            return l;
        }
        List<Object> out = new ArrayList<>(2);
        if (ref != null) {
            out.add(ref);
        }
        if (st.refs[i] != null && st.refs[i] != ref) {
            out.add(st.refs[i]);
        }
        return out;
    }

    /** Children removed from a delete-orphan collection (or replaced in a delete-orphan reference) are deleted. */
    private void orphans() {
        List<Object[]> found = new ArrayList<>(); // {orphan, relationship}: acted on after the walk
        for (InstanceStateImpl st : session.states.values()) {
            if (st.collections == null || deleting.contains(st)) {
                continue;
            }
            List<RelationshipProperty> rels = st.mapper.relationships();
            for (int i = 0; i < rels.size(); i++) {
                RelationshipProperty rel = rels.get(i);
                Resolved r = rel.resolved();
                if (!r.cascades(Cascade.DELETE_ORPHAN) || r.viewonly() || r.direction() == Direction.MANY_TO_ONE) {
                    continue;
                }
                for (Object gone : removed(st, i, rel)) {
                    found.add(new Object[]{gone, rel});
                }
            }
        }
        for (Object[] f : found) {
            Object gone = f[0];
            InstanceStateImpl gs = session.states.get(gone);
            if (gs == null || gs.markedForDeletion || stillReferenced(gone, (RelationshipProperty) f[1])) {
                continue;
            }
            if (gs.state == ObjectState.PENDING) {
                session.forget(gs, ObjectState.TRANSIENT);
            } else if (gs.state == ObjectState.PERSISTENT) {
                session.delete(gone);
                deleting.add(gs);
            }
        }
    }

    /** True when another loaded collection of the same relationship now holds {@code child} (it moved). */
    private boolean stillReferenced(Object child, RelationshipProperty rel) {
        RelationshipProperty p = rel.resolved().partner();
        if (p != null && !p.isCollection()) {
            Object owner = RefImpl.value(p, child);
            InstanceStateImpl os = owner == null ? null : session.states.get(owner);
            return os != null && !os.markedForDeletion;
        }
        return false;
    }

    private List<Object> removed(InstanceStateImpl st, int i, RelationshipProperty rel) {
        if (rel.isCollection()) {
            CollectionState cs = st.collections[i];
            return cs == null || !cs.changed || !cs.installed() ? List.of() : cs.removed();
        }
        if (!RefImpl.loadedOn(rel, st.object)) {
            return List.of();
        }
        Object old = st.refs[i];
        return old != null && old != RefImpl.value(rel, st.object) ? List.of(old) : List.of();
    }

    /** Foreign-key links and association rows for every relationship of every object in the session. */
    private void links() {
        for (InstanceStateImpl st : session.states.values()) {
            if (st.collections == null || deleting.contains(st) || st.state == ObjectState.DELETED) {
                continue;
            }
            List<RelationshipProperty> rels = st.mapper.relationships();
            for (int i = 0; i < rels.size(); i++) {
                RelationshipProperty rel = rels.get(i);
                Resolved r = rel.resolved();
                if (r.viewonly()) {
                    continue;
                }
                switch (r.direction()) {
                    case MANY_TO_ONE -> {
                        if (!RefImpl.loadedOn(rel, st.object)) {
                            continue; // an unloaded Ref: the foreign-key column is authoritative
                        }
                        Object cur = RefImpl.value(rel, st.object);
                        if (cur == st.refs[i] && st.state != ObjectState.PENDING) {
                            continue; // unchanged since load or the last flush: the foreign key is right
                        }
                        if (cur != null) {
                            link(sets, st, r.local(), session.states.get(cur), cur, r.remote(), rel);
                        } else if (st.refs[i] != null) {
                            link(nulls, st, r.local(), null, null, null, rel);
                        }
                    }
                    case ONE_TO_MANY -> {
                        for (Object child : added(st, i, rel)) {
                            InstanceStateImpl cs = session.states.get(child);
                            if (cs != null && !deleting.contains(cs)) {
                                link(sets, cs, r.remote(), st, st.object, r.local(), rel);
                            }
                        }
                        for (Object gone : removed(st, i, rel)) {
                            InstanceStateImpl gs = session.states.get(gone);
                            if (gs != null && !deleting.contains(gs)) {
                                link(nulls, gs, r.remote(), null, null, null, rel);
                            }
                        }
                    }
                    case MANY_TO_MANY -> {
                        CollectionState cs = st.collections[i];
                        if (cs == null || !cs.changed || !cs.installed()) {
                            continue;
                        }
                        for (Object o : cs.added()) {
                            pairAdds.add(new Pair(r.secondary(), st.object, o));
                        }
                        for (Object o : cs.removed()) {
                            pairRemoves.add(new Pair(r.secondary(), st.object, o));
                        }
                    }
                }
            }
        }
        // nulls first: a child moved to another parent ends with the new key
        for (Link l : nulls) {
            byHolder.computeIfAbsent(l.holder, k -> new ArrayList<>()).add(l);
        }
        for (Link l : sets) {
            byHolder.computeIfAbsent(l.holder, k -> new ArrayList<>()).add(l);
        }
    }

    /**
     * Related objects added since load or the last flush (all of them for a new owner): only
     * changes are written, as in SQLAlchemy, so a foreign key the application set by hand on an
     * unchanged member is left alone.
     */
    private List<Object> added(InstanceStateImpl st, int i, RelationshipProperty rel) {
        if (rel.isCollection()) {
            CollectionState cs = st.collections[i];
            if (cs == null || !cs.changed || !cs.installed() || !(cs.loaded || cs.writeOnly)) {
                return List.of();
            }
            return cs.added();
        }
        if (!RefImpl.loadedOn(rel, st.object)) {
            return List.of();
        }
        Object ref = RefImpl.value(rel, st.object);
        return ref == null || ref == st.refs[i] && st.state != ObjectState.PENDING ? List.of() : List.of(ref);
    }

    private static void link(List<Link> into, InstanceStateImpl holder, ColumnProperty fk, InstanceStateImpl source,
                             Object sourceObject, ColumnProperty key, RelationshipProperty via) {
        into.add(new Link(holder, fk, source, sourceObject, key, via));
    }

    boolean hasWork() {
        return !byHolder.isEmpty() || !pairAdds.isEmpty() || !pairRemoves.isEmpty() || !ownerRowDeletes.isEmpty();
    }

    // ------------------------------------------------------------------ during the flush

    /**
     * Splits the pending objects of one mapper into levels: an object that takes its key from
     * another pending object of the same mapper (a self-referential parent) comes in a later level.
     */
    List<List<InstanceStateImpl>> levels(List<InstanceStateImpl> pending) {
        Map<InstanceStateImpl, Integer> depth = new IdentityHashMap<>();
        Set<InstanceStateImpl> in = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        in.addAll(pending);
        int max = 0;
        for (InstanceStateImpl st : pending) {
            max = Math.max(max, depth(st, in, depth, new LinkedHashSet<>()));
        }
        if (max == 0) {
            return List.of(pending);
        }
        List<List<InstanceStateImpl>> out = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            out.add(new ArrayList<>());
        }
        for (InstanceStateImpl st : pending) {
            out.get(depth.get(st)).add(st);
        }
        return out;
    }

    private int depth(InstanceStateImpl st, Set<InstanceStateImpl> in, Map<InstanceStateImpl, Integer> memo, Set<InstanceStateImpl> path) {
        Integer d = memo.get(st);
        if (d != null) {
            return d;
        }
        if (!path.add(st)) {
            throw new FlushError("Dependency cycle between new " + st.mapper.entityName() + " objects (each takes "
                    + "its foreign key from another): flush them in two steps");
        }
        int best = 0;
        for (Link l : byHolder.getOrDefault(st, List.of())) {
            if (l.source != null && l.source != st && in.contains(l.source)) {
                best = Math.max(best, depth(l.source, in, memo, path) + 1);
            }
        }
        path.remove(st);
        memo.put(st, best);
        return best;
    }

    /** Sets the foreign keys of {@code holders} from their (already inserted) sources. */
    void apply(List<InstanceStateImpl> holders) {
        for (InstanceStateImpl h : holders) {
            List<Link> ls = byHolder.remove(h);
            if (ls != null) {
                for (Link l : ls) {
                    applyLink(l);
                }
            }
        }
    }

    /** Links of persistent objects whose source already has its key (or that null a key): applied before any INSERT. */
    void applyReady() {
        for (java.util.Iterator<Map.Entry<InstanceStateImpl, List<Link>>> it = byHolder.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<InstanceStateImpl, List<Link>> e = it.next();
            if (e.getKey().state != ObjectState.PERSISTENT) {
                continue;
            }
            boolean ready = true;
            for (Link l : e.getValue()) {
                InstanceStateImpl src = l.source != null ? l.source
                        : l.sourceObject == null ? null : session.states.get(l.sourceObject);
                if (src != null && src.state == ObjectState.PENDING) {
                    ready = false;
                }
            }
            if (ready) {
                for (Link l : e.getValue()) {
                    applyLink(l);
                }
                it.remove();
            }
        }
    }

    /** Every link not applied before an INSERT (their holders are persistent: the dirty check UPDATEs them). */
    void applyRemaining() {
        for (List<Link> ls : byHolder.values()) {
            for (Link l : ls) {
                applyLink(l);
            }
        }
        byHolder.clear();
    }

    private void applyLink(Link l) {
        Object value = null;
        if (l.sourceObject != null) {
            InstanceStateImpl src = l.source != null ? l.source : session.states.get(l.sourceObject);
            if (src != null && src.state == ObjectState.PENDING) {
                throw new FlushError("Cannot set " + l.holder.mapper.entityName() + "." + l.fk.name() + " through "
                        + l.via.where() + ": the related " + src.mapper.entityName() + " is new and not inserted yet "
                        + "(a dependency cycle between tables); flush it first");
            }
            value = l.key.get(l.sourceObject);
            if (value == null) {
                throw new FlushError("Cannot set " + l.holder.mapper.entityName() + "." + l.fk.name() + " through "
                        + l.via.where() + ": the related " + Mapper.forObject(l.sourceObject).entityName()
                        + " has no key" + (src == null ? " and is not in the session (add it, or cascade save-update)"
                        : ""));
            }
        }
        l.fk.set(l.holder.object, value);
    }

    /** Association rows: deletes (removed pairs, deleted owners) then inserts, each one executemany per table. */
    void writeAssociations(Connection conn) {
        Map<Secondary, List<Map<String, ?>>> removes = pairs(pairRemoves);
        for (Map.Entry<Secondary, List<Map<String, ?>>> e : removes.entrySet()) {
            Secondary sec = e.getKey();
            run(conn, "DELETE from association table " + sec.table().name(), () -> conn.execute(
                    Sql.delete(sec.table()).where(sec.localColumn().eq(Sql.bindparam("l")),
                            sec.remoteColumn().eq(Sql.bindparam("r"))), e.getValue()));
        }
        for (Map.Entry<Secondary, List<InstanceStateImpl>> e : ownerRowDeletes.entrySet()) {
            Secondary sec = e.getKey();
            List<Map<String, ?>> params = new ArrayList<>();
            for (InstanceStateImpl st : e.getValue()) {
                Object key = st.snapshot == null ? null : st.mapper.identityFromValues(st.snapshot);
                if (key != null) {
                    params.add(Map.of("l", key));
                }
            }
            if (!params.isEmpty()) {
                run(conn, "DELETE from association table " + sec.table().name(), () -> conn.execute(
                        Sql.delete(sec.table()).where(sec.localColumn().eq(Sql.bindparam("l"))), params));
            }
        }
        Map<Secondary, List<Map<String, ?>>> adds = pairs(pairAdds);
        for (Map.Entry<Secondary, List<Map<String, ?>>> e : adds.entrySet()) {
            Secondary sec = e.getKey();
            List<Map<String, ?>> rows = new ArrayList<>();
            for (Map<String, ?> p : e.getValue()) {
                Map<String, Object> row = new HashMap<>();
                row.put(sec.localName(), p.get("l"));
                row.put(sec.remoteName(), p.get("r"));
                rows.add(row);
            }
            run(conn, "INSERT into association table " + sec.table().name(),
                    () -> conn.execute(Sql.insert(sec.table()), rows));
        }
    }

    private static void run(Connection conn, String what, Runnable r) {
        try {
            r.run();
        } catch (DBAPIError e) {
            throw UnitOfWork.enrich(e, what);
        }
    }

    /** Pairs as parameter maps per table, oriented to each table's first-seen column order and de-duplicated. */
    private Map<Secondary, List<Map<String, ?>>> pairs(List<Pair> pairs) {
        Map<String, Secondary> canonical = new LinkedHashMap<>();
        Map<Secondary, List<Map<String, ?>>> out = new LinkedHashMap<>();
        Set<List<Object>> seen = new java.util.HashSet<>();
        for (Pair p : pairs) {
            String table = p.secondary.table().name();
            Secondary canon = canonical.computeIfAbsent(table, k -> p.secondary);
            boolean flipped = !canon.localName().equals(p.secondary.localName());
            Object left = flipped ? p.right : p.left;
            Object right = flipped ? p.left : p.right;
            Object lk = key(left);
            Object rk = key(right);
            if (lk == null || rk == null) {
                throw new FlushError("Cannot write association row of " + table + ": a related object has no key ("
                        + (lk == null ? left : right) + ") and is not in the session");
            }
            if (seen.add(List.of(table, Loading.norm(lk), Loading.norm(rk)))) {
                Map<String, Object> m = new HashMap<>();
                m.put("l", lk);
                m.put("r", rk);
                out.computeIfAbsent(canon, k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    private static Object key(Object entity) {
        return Mapper.forObject(entity).identity(entity);
    }

    /** Self-referential mappers delete children (cascaded later) before parents. */
    static boolean selfReferential(Mapper<?> m) {
        for (RelationshipProperty r : m.relationships()) {
            if (r.targetType() == m.type()) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ after the flush

    /** Collections and references now hold what the database has. */
    void committed() {
        for (InstanceStateImpl st : session.states.values()) {
            if (st.collections == null) {
                continue;
            }
            for (CollectionState cs : st.collections) {
                if (cs != null && cs.changed && cs.installed() && (cs.loaded || cs.writeOnly)) {
                    cs.committedNow();
                }
            }
            List<RelationshipProperty> rels = st.mapper.relationships();
            for (int i = 0; i < rels.size(); i++) {
                if (!rels.get(i).isCollection() && RefImpl.loadedOn(rels.get(i), st.object)) {
                    Object cur = RefImpl.value(rels.get(i), st.object);
                    st.refs[i] = cur;
                    st.seen(i, cur);
                }
            }
        }
    }
}
