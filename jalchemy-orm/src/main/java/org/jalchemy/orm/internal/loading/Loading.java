package org.jalchemy.orm.internal.loading;

import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.orm.LoaderOption;
import org.jalchemy.orm.NPlusOneError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Ref;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.engine.Result;
import org.jalchemy.orm.LoaderOption.Strategy;
import org.jalchemy.orm.annotations.Relationship.Lazy;
import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.MappedTable;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.orm.mapping.RelationshipProperty;
import org.jalchemy.orm.mapping.RelationshipProperty.Direction;
import org.jalchemy.orm.mapping.RelationshipProperty.Resolved;
import org.jalchemy.sql.Alias;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.ExecutableOption;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one session loads relationships: installs collections on loaded objects, runs lazy loads,
 * applies a query's loader plan after its rows are read (selectin batches, single references),
 * rewrites SELECTs for joined loading and keeps both sides of a relationship in sync in memory.
 *
 * <p>Statements: a lazy load is one SELECT; selectin is one SELECT per {@value #CHUNK} parents
 * ({@code WHERE fk IN (...)}, padded IN lists, so few statement shapes); single references are
 * resolved from the identity map first and the missing ones in one {@code IN} query per result;
 * joined adds LEFT OUTER JOINs of a per-relationship alias to the parent's statement (collections
 * fall back to selectin when the statement has LIMIT/OFFSET, which a join would cut).
 *
 * <p>Not thread-safe; one per session.
 */
public final class Loading {
    static final int CHUNK = 1000;
    private static final Logger NPLUS = LoggerFactory.getLogger("jalchemy.orm.nplusone");
    /** As echo does: with no SLF4J provider the N+1 warning goes to standard error rather than nowhere. */
    private static final boolean NPLUS_TO_STDERR =
            LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory;
    private static final Map<RelationshipProperty, FromClause[]> ALIASES = new ConcurrentHashMap<>();
    /** The bind parameter of {@link #ONE_PARENT}'s statements: the parent's key. */
    private static final String PARENT_KEY = "jalchemy_parent_key";
    /**
     * Per one-to-many relationship: the SELECT of one parent's children by a bound key (with the
     * relationship's criteria and order), or empty when the target eagerly joins relationships of
     * its own (then statements are built per load). Built once and run again as
     * the same object, so a lazy load (N+1) neither rebuilds nor re-keys it: its connection finds
     * the compiled form memoised.
     */
    private static final Map<RelationshipProperty, Optional<Select<?>>> ONE_PARENT = new ConcurrentHashMap<>();

    private final SessionImpl session;
    private int finishPasses;
    private Map<RelationshipProperty, Integer> lazyCounts;
    private Set<RelationshipProperty> reported;

    public Loading(SessionImpl session) {
        this.session = session;
    }

    // ------------------------------------------------------------------ plans

    /** A strategy for one relationship plus the options for the next steps of its paths. */
    record Directive(Strategy strategy, List<LoaderOption<?>> sub, FromClause alias) {
        Directive(Strategy strategy, List<LoaderOption<?>> sub) {
            this(strategy, sub, null);
        }
    }

    /** Loader directives by relationship, from a query's options; relationships not named use their default. */
    public static final class Plan {
        public static final Plan DEFAULT = new Plan(Map.of(), List.of(), false);
        final Map<RelationshipProperty, Directive> byRel;
        private final List<org.jalchemy.orm.ColumnLoadOption> columns;
        private final boolean populateExisting;

        private Plan(Map<RelationshipProperty, Directive> byRel, List<org.jalchemy.orm.ColumnLoadOption> columns,
                     boolean populateExisting) {
            this.byRel = byRel;
            this.columns = columns;
            this.populateExisting = populateExisting;
        }

        /** {@code populateExisting()} was given: rows overwrite the objects already in the identity map. */
        public boolean populateExisting() {
            return populateExisting;
        }

        public static Plan of(List<? extends ExecutableOption> options) {
            if (options.isEmpty()) {
                return DEFAULT;
            }
            Map<RelationshipProperty, Directive> m = new LinkedHashMap<>();
            List<org.jalchemy.orm.ColumnLoadOption> cols = new ArrayList<>();
            boolean populate = false;
            for (ExecutableOption o : options) {
                populate |= o == org.jalchemy.orm.Orm.populateExisting();
                if (o instanceof org.jalchemy.orm.ColumnLoadOption c) {
                    cols.add(c);
                }
                if (!(o instanceof LoaderOption<?> lo)) {
                    continue;
                }
                LoaderOption.Step step = lo.first();
                LoaderOption<?> rest = lo.rest();
                List<LoaderOption<?>> sub = rest == null ? List.of() : List.of(rest);
                m.merge(step.relationship(), new Directive(step.strategy(), sub, step.alias()), (a, b) -> {
                    List<LoaderOption<?>> both = new ArrayList<>(a.sub());
                    both.addAll(b.sub());
                    return new Directive(b.strategy(), both, b.alias() != null ? b.alias() : a.alias());
                });
            }
            return m.isEmpty() && cols.isEmpty() && !populate ? DEFAULT : new Plan(m, List.copyOf(cols), populate);
        }

        /**
         * The columns of {@code m} a statement with these options leaves unloaded (bit i: property
         * i): the mapping's deferred columns, then each defer/undefer/loadOnly option in order.
         */
        public long unloaded(Mapper<?> m) {
            long mask = m.deferredMask();
            for (org.jalchemy.orm.ColumnLoadOption c : columns) {
                if (c.mapper() == m) {
                    mask = c.apply(mask);
                }
            }
            return mask;
        }

        Directive directive(RelationshipProperty rel) {
            Directive d = byRel.get(rel);
            return d != null ? d : defaultOf(rel);
        }
    }

    static Directive defaultOf(RelationshipProperty rel) {
        Lazy lazy = rel.resolved().lazy();
        Strategy s = switch (lazy) {
            case SELECT, WRITE_ONLY -> Strategy.LAZY;
            case JOINED -> Strategy.JOINED;
            case SELECTIN -> Strategy.SELECTIN;
            case RAISE -> Strategy.RAISE;
            case NOLOAD -> Strategy.NOLOAD;
        };
        return new Directive(s, List.of());
    }

    // ------------------------------------------------------------------ object set-up

    /** A row just became a new object: give it unloaded collections per the relationships' defaults. */
    public void initLoaded(InstanceStateImpl st) {
        session.relationshipsInUse = true;
        st.initRelationships();
        st.staleRefs = -1L;
        List<RelationshipProperty> rels = st.mapper.relationships();
        for (int i = 0; i < rels.size(); i++) {
            RelationshipProperty rel = rels.get(i);
            if (!rel.isCollection()) {
                if (rel.isRef()) {
                    RefImpl<Object> ref = new RefImpl<>(null);
                    ref.unload();
                    ref.owner = st;
                    ref.rel = rel;
                    ref.mode = defaultOf(rel).strategy();
                    rel.set(st.object, ref);
                }
                continue;
            }
            CollectionState cs = new CollectionState(st, rel);
            Lazy lazy = rel.resolved().lazy();
            cs.writeOnly = lazy == Lazy.WRITE_ONLY;
            cs.mode = defaultOf(rel).strategy();
            if (lazy == Lazy.NOLOAD) {
                cs.loadedWith(List.of());
            }
            cs.install();
            st.collections[i] = cs;
        }
    }

    /**
     * An object entered the session through {@code add}: its collections become the session's
     * (holding what the user put there, all of it new), and the related objects are cascaded
     * (save-update) and synchronised with the other side.
     */
    public void adopt(InstanceStateImpl st) {
        session.relationshipsInUse = true;
        st.initRelationships();
        List<RelationshipProperty> rels = st.mapper.relationships();
        for (int i = 0; i < rels.size(); i++) {
            RelationshipProperty rel = rels.get(i);
            Resolved r = rel.resolved();
            if (rel.isCollection()) {
                Object cur = rel.get(st.object);
                if (st.collections[i] != null && cur == st.collections[i].facade) {
                    continue;
                }
                CollectionState cs = new CollectionState(st, rel);
                cs.writeOnly = r.lazy() == Lazy.WRITE_ONLY;
                cs.mode = defaultOf(rel).strategy();
                cs.loaded = !cs.writeOnly;
                if (cur instanceof Collection<?> c) {
                    cs.elements.addAll(c);
                }
                cs.changed = true;
                session.collectionsChanged = true;
                cs.install();
                st.collections[i] = cs;
                for (Object item : new ArrayList<>(cs.elements)) {
                    if (r.cascades(org.jalchemy.orm.annotations.Relationship.Cascade.SAVE_UPDATE) && !session.contains(item)) {
                        session.cascadeAdd(item);
                    }
                    syncAdded(cs, item);
                }
            } else {
                if (rel.isRef()) {
                    bindRef(st, rel);
                }
                Object ref = RefImpl.value(rel, st.object);
                if (ref != null && r.cascades(org.jalchemy.orm.annotations.Relationship.Cascade.SAVE_UPDATE)
                        && !session.contains(ref)) {
                    session.cascadeAdd(ref);
                }
                reconcileRef(st, i);
            }
        }
    }

    /** Binds the Ref in {@code rel}'s field to its owner (installing an empty one for a null field). */
    private static void bindRef(InstanceStateImpl st, RelationshipProperty rel) {
        Object f = rel.get(st.object);
        RefImpl<?> ref = f instanceof RefImpl<?> r ? r : new RefImpl<>(f instanceof Ref<?> other ? other.get() : null);
        if (ref.owner != null && ref.owner != st) { // a Ref shared with another object: copy it
            Object v = ref.isLoaded() ? ref.peek() : null;
            ref = new RefImpl<>(v);
        }
        ref.owner = st;
        ref.rel = rel;
        if (f != ref) {
            rel.set(st.object, ref);
        }
    }

    /** {@code Ref.set} on a session object: cascade the new target in and update the other side now. */
    void refAssigned(InstanceStateImpl st, RelationshipProperty rel) {
        Object v = RefImpl.value(rel, st.object);
        if (v != null && rel.resolved().cascades(org.jalchemy.orm.annotations.Relationship.Cascade.SAVE_UPDATE)
                && !session.contains(v)) {
            session.cascadeAdd(v);
        }
        reconcileRef(st, rel.index());
    }

    /** {@code Ref.get} of an unloaded reference: autoflush, identity map or one SELECT, N+1 accounting. */
    void lazyLoadRef(InstanceStateImpl st, RelationshipProperty rel) {
        session.autoflushForLoad();
        if (RefImpl.loadedOn(rel, st.object)) {
            return;
        }
        countLazy(rel);
        resolveRefs(rel, List.of(st), Plan.DEFAULT);
    }

    // ------------------------------------------------------------------ in-memory sync

    /** {@code item} was added to {@code cs}: make the other side agree (set its reference, or add to its collection). */
    void syncAdded(CollectionState cs, Object item) {
        Resolved r = cs.rel.resolved();
        RelationshipProperty p = r.partner();
        if (p == null) {
            return;
        }
        Object owner = cs.owner.object;
        if (p.isCollection()) {
            addToCollection(p, item, owner);
        } else {
            Object old = RefImpl.value(p, item);
            if (old == owner) {
                return;
            }
            if (old != null) {
                removeFromCollection(cs.rel, old, item);
            }
            RefImpl.assign(p, item, owner);
            InstanceStateImpl ist = session.states.get(item);
            if (ist != null && ist.refs != null) {
                ist.seen(p.index(), owner);
            }
        }
    }

    /** {@code item} was removed from {@code cs}: the other side lets go of the owner. */
    void syncRemoved(CollectionState cs, Object item) {
        RelationshipProperty p = cs.rel.resolved().partner();
        if (p == null) {
            return;
        }
        Object owner = cs.owner.object;
        if (p.isCollection()) {
            removeFromCollection(p, item, owner);
        } else if (RefImpl.value(p, item) == owner) {
            RefImpl.assign(p, item, null);
            InstanceStateImpl ist = session.states.get(item);
            if (ist != null && ist.refs != null) {
                ist.seen(p.index(), null);
            }
        }
    }

    /** Adds {@code item} to {@code holder.rel} without events: a loaded session collection, or a plain one. */
    @SuppressWarnings("unchecked")
    private void addToCollection(RelationshipProperty rel, Object holder, Object item) {
        Object c = rel.get(holder);
        CollectionState cs = stateOf(rel, holder, c);
        if (cs != null) {
            if (cs.loaded && !cs.containsIdentity(item)) {
                cs.addQuietly(item);
            }
            return;
        }
        if (c == null) {
            Collection<Object> fresh = rel.isSet() ? new java.util.LinkedHashSet<>() : new ArrayList<>();
            fresh.add(item);
            rel.set(holder, fresh);
            return;
        }
        Collection<Object> plain = (Collection<Object>) c;
        for (Object o : plain) {
            if (o == item) {
                return;
            }
        }
        try {
            plain.add(item);
        } catch (UnsupportedOperationException e) {
            rel.set(holder, copyWith(rel, plain, item));
        }
    }

    private static Collection<Object> copyWith(RelationshipProperty rel, Collection<Object> plain, Object item) {
        Collection<Object> copy = rel.isSet() ? new java.util.LinkedHashSet<>(plain) : new ArrayList<>(plain);
        copy.add(item);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private void removeFromCollection(RelationshipProperty rel, Object holder, Object item) {
        Object c = rel.get(holder);
        CollectionState cs = stateOf(rel, holder, c);
        if (cs != null) {
            if (cs.loaded) {
                cs.removeQuietly(item);
            }
            return;
        }
        if (c instanceof Collection<?> plain) {
            try {
                ((Collection<Object>) plain).removeIf(o -> o == item);
            } catch (UnsupportedOperationException ignored) {
                // an immutable user collection: the flush still sees the other side
            }
        }
    }

    private CollectionState stateOf(RelationshipProperty rel, Object holder, Object field) {
        InstanceStateImpl hs = session.states.get(holder);
        if (hs == null || hs.collections == null) {
            return null;
        }
        CollectionState cs = hs.collections[rel.index()];
        return cs != null && cs.facade == field ? cs : null;
    }

    /**
     * The single reference {@code rels[i]} of {@code st} may have been assigned as a plain field
     * since the session last looked: bring the other side in line (add to / remove from its
     * collection, or set its reference).
     */
    public void reconcileRef(InstanceStateImpl st, int i) {
        RelationshipProperty rel = st.mapper.relationships().get(i);
        if (!RefImpl.loadedOn(rel, st.object)) {
            return;
        }
        Object cur = RefImpl.value(rel, st.object);
        Object seen = st.seen(i);
        if (cur == seen) {
            return;
        }
        st.seen(i, cur);
        RelationshipProperty p = rel.resolved().partner();
        if (p == null) {
            return;
        }
        if (p.isCollection()) {
            if (seen != null) {
                removeFromCollection(p, seen, st.object);
            }
            if (cur != null) {
                addToCollection(p, cur, st.object);
            }
        } else {
            if (seen != null && RefImpl.value(p, seen) == st.object) {
                RefImpl.assign(p, seen, null);
            }
            if (cur != null && RefImpl.value(p, cur) != st.object) {
                RefImpl.assign(p, cur, st.object);
            }
        }
    }

    // ------------------------------------------------------------------ lazy loading

    /** Loads one collection on access: autoflush, one SELECT, N+1 accounting. */
    void lazyLoad(CollectionState cs) {
        session.autoflushForLoad();
        if (cs.loaded) { // the autoflush may have loaded it (cascades)
            return;
        }
        countLazy(cs.rel);
        Map<InstanceStateImpl, List<Object>> found = loadCollections(cs.rel, List.of(cs.owner), Plan.of(cs.subOptions));
        cs.loadedWithOwned(found.getOrDefault(cs.owner, List.of()));
    }

    private void countLazy(RelationshipProperty rel) {
        java.util.List<org.jalchemy.orm.SessionListener> ls = session.factory.listeners();
        if (!ls.isEmpty()) {
            String where = rel.owner().entityName() + "." + rel.name();
            for (org.jalchemy.orm.SessionListener l : ls) {
                l.lazyLoad(session, where);
            }
        }
        int threshold = session.factory.nPlusOneThreshold();
        if (threshold <= 0) {
            return;
        }
        if (lazyCounts == null) {
            lazyCounts = new HashMap<>();
            reported = new HashSet<>();
        }
        int n = lazyCounts.merge(rel, 1, Integer::sum);
        if (n > threshold && reported.add(rel)) {
            String msg = "N+1 queries: relationship " + rel.where() + " was lazy-loaded " + n + " times in one session "
                    + "(threshold " + threshold + "), last from " + callSite() + "; load it with the parent query: "
                    + "options(selectinload(" + rel.owner().entityName() + "_." + rel.name() + ")) or joinedload(...)";
            for (org.jalchemy.orm.SessionListener l : session.factory.listeners()) {
                l.nPlusOne(session, rel.owner().entityName() + "." + rel.name(), n);
            }
            if (session.factory.nPlusOneRaise()) {
                throw new NPlusOneError(msg);
            }
            if (NPLUS_TO_STDERR) {
                System.err.println("[jalchemy.orm.nplusone] WARN " + msg);
            } else {
                NPLUS.warn(msg);
            }
        }
    }

    private static String callSite() {
        java.security.CodeSource ours = Loading.class.getProtectionDomain().getCodeSource();
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(f -> {
                    Class<?> c = f.getDeclaringClass();
                    String n = c.getName();
                    return !n.startsWith("java.") && !n.startsWith("jdk.")
                            && !java.util.Objects.equals(c.getProtectionDomain().getCodeSource(), ours);
                })
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("<unknown>"));
    }

    /**
     * The many-to-one partner of the one-to-many {@code rel} (the children's reference to their
     * parent), which a load of {@code rel} sets without queries; null when there is none.
     */
    private static RelationshipProperty backReference(RelationshipProperty rel) {
        Resolved r = rel.resolved();
        RelationshipProperty p = r.partner();
        return p != null && !p.isCollection() && r.direction() == Direction.ONE_TO_MANY ? p : null;
    }

    /** Sets the many-to-one {@code p} of {@code child} (whose state {@code cst} may be null) to {@code parent}. */
    private static void pointBack(RelationshipProperty p, InstanceStateImpl cst, Object child, Object parent) {
        RefImpl.assign(p, child, parent);
        if (cst != null && cst.refs != null) {
            cst.refs[p.index()] = parent;
            cst.seen(p.index(), parent);
            cst.staleRefs &= ~bit(p); // known from the parent: no lookup needed
        }
    }

    // ------------------------------------------------------------------ batch loading

    /**
     * Loads {@code rel}'s targets for {@code parents} ({@value #CHUNK} parents per SELECT), grouped by
     * parent in row order; applies {@code sub} to the loaded targets.
     */
    @SuppressWarnings("unchecked")
    public Map<InstanceStateImpl, List<Object>> loadCollections(RelationshipProperty rel, List<InstanceStateImpl> parents, Plan sub) {
        Resolved r = rel.resolved();
        Mapper<?> target = r.target();
        Map<Object, List<InstanceStateImpl>> byKey = new HashMap<>(); // raw key values, as the rows bring them back
        Map<Object, List<InstanceStateImpl>> byNorm = new HashMap<>(); // Integer/Long mixes compare as Long
        List<Object> keys = new ArrayList<>();
        for (InstanceStateImpl p : parents) {
            Object k = r.local().get(p.object);
            if (k != null) {
                List<InstanceStateImpl> l = byNorm.computeIfAbsent(norm(k), x -> {
                    keys.add(k);
                    return new ArrayList<>(1);
                });
                l.add(p);
                byKey.put(k, l);
            }
        }
        Map<InstanceStateImpl, List<Object>> out = new IdentityHashMap<>(Math.max(16, parents.size() * 2));
        if (byKey.isEmpty()) {
            return out;
        }
        List<InstanceStateImpl> loaded = new ArrayList<>();
        FinishFilter need = new FinishFilter();
        // the children's many-to-one side, set from the row's own state (backfill would look each child up)
        RelationshipProperty back = backReference(rel);
        Map<Object, InstanceStateImpl> im = session.identityMap(target);
        FromClause t = target.selectable(); // with inheritance: the view reading subclass rows too
        int width = t.columns().size();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            Select<?> one = chunk.size() == 1 ? oneParentSelect(rel, r, target, sub) : null;
            Select<?> sel;
            int keyIndex;
            Joined joined;
            if (one != null) { // one parent (a lazy load): the relationship's prepared statement
                keyIndex = r.remote().index();
                joined = new Joined(one, List.of());
            } else {
                if (r.direction() == Direction.MANY_TO_MANY) {
                    RelationshipProperty.Secondary sec = r.secondary();
                    Attribute<?, Object> pk = attr(target, r.remote());
                    sel = Sql.select(t, sec.localColumn()).join(sec.table(), sec.remoteColumn().eq(pk))
                            .where(sec.localColumn().in(chunk));
                    keyIndex = width;
                } else {
                    Attribute<?, Object> fk = attr(target, r.remote());
                    sel = Sql.select(t).where(fk.in(chunk));
                    keyIndex = r.remote().index();
                }
                sel = session.entityCriteria(criteria(sel, r, target, null), target, t);
                joined = joined(sel, target, sub, width + (r.direction() == Direction.MANY_TO_MANY ? 1 : 0));
            }
            sel = joined.select;
            JoinedAccumulator acc = joined.specs.isEmpty() ? null : new JoinedAccumulator();
            Object lastKey = null;
            List<InstanceStateImpl> lastParents = null;
            List<Object>[] lastLists = null;
            int expected = 4; // a new parent's list capacity: the previous parent's count once known
            try (Result res = one != null ? session.readConnection().execute(one, Map.of(PARENT_KEY, chunk.get(0)))
                    : session.readConnection().execute(sel)) {
                for (Object[] values = res.fetchArray(); values != null; values = res.fetchArray()) {
                    Object[] slice = values.length == width ? values : Arrays.copyOf(values, width);
                    InstanceStateImpl child = session.hydrateState(target, im, slice);
                    if (acc != null) {
                        consume(values, child, joined.specs, acc);
                    }
                    Object key = values[keyIndex];
                    if (key == null || !key.equals(lastKey)) { // rows come grouped by key: look up each key once
                        if (lastLists != null && lastLists.length > 0) {
                            expected = Math.max(4, lastLists[0].size()); // siblings tend to have as many
                        }
                        List<InstanceStateImpl> ps = byKey.get(key);
                        if (ps == null && key != null) {
                            ps = byNorm.get(norm(key));
                        }
                        lastKey = key;
                        lastParents = ps;
                        lastLists = null;
                        if (ps != null) {
                            lastLists = new List[ps.size()];
                            int capacity = expected;
                            for (int k = 0; k < ps.size(); k++) {
                                lastLists[k] = out.computeIfAbsent(ps.get(k), x -> new ArrayList<>(capacity));
                            }
                        }
                    }
                    if (lastParents != null) {
                        for (int k = 0; k < lastLists.length; k++) {
                            List<Object> l = lastLists[k];
                            if (!rel.isSet() || !l.contains(child.object)) {
                                l.add(child.object);
                            }
                            if (back != null) { // before finish: no reference lookups
                                pointBack(back, child, child.object, lastParents.get(k).object);
                            }
                        }
                    }
                    if (acc != null ? child.collections != null : need.needed(child)) { // after pointBack
                        loaded.add(child);
                    }
                }
            }
            fillSubclassColumns();
            if (acc != null) {
                finishJoined(acc);
            }
        }
        finish(loaded, sub, Set.of());
        return out;
    }

    /**
     * The cached statement for one parent's children of the one-to-many {@code rel} (see
     * {@link #ONE_PARENT}), or null when this load needs its own: nested loader options, an
     * inheritance hierarchy or loader criteria on the target, or joined eager relationships of the
     * target.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Select<?> oneParentSelect(RelationshipProperty rel, Resolved r, Mapper<?> target, Plan sub) {
        if (r.direction() != Direction.ONE_TO_MANY || sub != Plan.DEFAULT || target.hierarchy() != null
                || !session.plainKeyLoad(target)) {
            return null;
        }
        return ONE_PARENT.computeIfAbsent(rel, k -> {
            for (RelationshipProperty own : target.relationships()) {
                if (defaultOf(own).strategy() == Strategy.JOINED) {
                    return Optional.empty();
                }
            }
            Attribute<?, Object> fk = attr(target, r.remote());
            Select<?> sel = Sql.select(target.selectable()).where(fk.eq(Sql.bindparam(PARENT_KEY, (org.jalchemy.types.SqlType) r.remote().type())));
            return Optional.of(criteria(sel, r, target, null));
        }).orElse(null);
    }

    /** Resolves the single reference {@code rel} of {@code states}: identity map first, then one IN query per chunk. */
    private void resolveRefs(RelationshipProperty rel, List<InstanceStateImpl> states, Plan sub) {
        Resolved r = rel.resolved();
        int i = rel.index();
        if (r.direction() == Direction.MANY_TO_ONE) {
            Mapper<?> target = r.target();
            Map<Object, InstanceStateImpl> im = session.identityMap(target);
            Map<Object, List<InstanceStateImpl>> missing = new LinkedHashMap<>();
            List<Object> keys = new ArrayList<>();
            for (InstanceStateImpl st : states) {
                Object fk = r.local().get(st.object);
                if (fk == null) {
                    setRef(st, i, rel, null);
                    continue;
                }
                Object cur = st.refs[i];
                if (cur != null && RefImpl.value(rel, st.object) == cur && norm(fk).equals(norm(target.identity(cur)))) {
                    continue; // already set (by the other side's load) and still matching the key
                }
                InstanceStateImpl hit = im.get(target.normalizeIdentity(fk));
                if (hit != null && !hit.markedForDeletion && hit.state == ObjectState.PERSISTENT) {
                    setRef(st, i, rel, hit.object);
                } else {
                    missing.computeIfAbsent(norm(fk), k -> {
                        keys.add(fk);
                        return new ArrayList<>(1);
                    }).add(st);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            List<InstanceStateImpl> loaded = new ArrayList<>();
            Attribute<?, Object> pk = attr(target, r.remote());
            for (int from = 0; from < keys.size(); from += CHUNK) {
                List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
                Select<?> sel = session.entityCriteria(Sql.select(target.selectable()).where(pk.in(chunk)), target,
                        target.selectable());
                try (Result res = session.readConnection().execute(sel)) {
                    for (Object[] values = res.fetchArray(); values != null; values = res.fetchArray()) {
                        InstanceStateImpl t = session.hydrateState(target, im, values);
                        if (t.collections != null) {
                            loaded.add(t);
                        }
                        List<InstanceStateImpl> holders = missing.remove(norm(t.identity));
                        if (holders != null) {
                            for (InstanceStateImpl h : holders) {
                                setRef(h, i, rel, t.object);
                            }
                        }
                    }
                }
            }
            fillSubclassColumns();
            for (List<InstanceStateImpl> gone : missing.values()) { // dangling foreign keys
                for (InstanceStateImpl h : gone) {
                    setRef(h, i, rel, null);
                }
            }
            finish(loaded, sub, Set.of());
        } else { // one-to-one, the target holds the foreign key
            Map<InstanceStateImpl, List<Object>> found = loadCollections(rel, states, sub);
            for (InstanceStateImpl st : states) {
                List<Object> l = found.get(st);
                setRef(st, i, rel, l == null || l.isEmpty() ? null : l.get(0));
            }
        }
    }

    private void setRef(InstanceStateImpl st, int i, RelationshipProperty rel, Object value) {
        RefImpl.assign(rel, st.object, value);
        st.refs[i] = value;
        st.seen(i, value);
    }

    /**
     * Applies {@code plan} to objects a query just returned (for their relationships not already
     * handled by a join): selectin batches, single references, lazy/raise/noload marks. Objects
     * with no collection and every reference already set (the children a selectin or joined load
     * just pointed at their parent) are skipped without a second look: a load of 100,000 children
     * does not walk them again.
     */
    public void finish(List<InstanceStateImpl> states, Plan plan, Set<RelationshipProperty> handled) {
        if (states.isEmpty()) {
            return;
        }
        Map<Mapper<?>, List<InstanceStateImpl>> byMapper = new LinkedHashMap<>();
        int mark = ++finishPasses;
        Mapper<?> lastMapper = null;
        List<InstanceStateImpl> lastGroup = null;
        FinishFilter need = new FinishFilter();
        for (InstanceStateImpl st : states) {
            if (st.finishMark != mark && need.needed(st)) {
                st.finishMark = mark;
                if (st.mapper != lastMapper) {
                    lastMapper = st.mapper;
                    lastGroup = byMapper.computeIfAbsent(st.mapper,
                            k -> new ArrayList<>(byMapper.isEmpty() ? states.size() : 10)); // usually one mapper
                }
                lastGroup.add(st);
            }
        }
        if (byMapper.size() > 1) { // several classes: a relationship a base declares is shared by its subclasses
            Map<RelationshipProperty, List<InstanceStateImpl>> byRel = new LinkedHashMap<>();
            for (Map.Entry<Mapper<?>, List<InstanceStateImpl>> e : byMapper.entrySet()) {
                for (RelationshipProperty rel : e.getKey().relationships()) {
                    byRel.computeIfAbsent(rel, k -> new ArrayList<>()).addAll(e.getValue());
                }
            }
            for (Map.Entry<RelationshipProperty, List<InstanceStateImpl>> e : byRel.entrySet()) {
                finishRelationship(e.getKey(), e.getValue(), plan, handled);
            }
            for (List<InstanceStateImpl> group : byMapper.values()) {
                for (InstanceStateImpl st : group) {
                    st.staleRefs = 0;
                }
            }
            return;
        }
        for (Map.Entry<Mapper<?>, List<InstanceStateImpl>> e : byMapper.entrySet()) {
            List<InstanceStateImpl> group = e.getValue();
            for (RelationshipProperty rel : e.getKey().relationships()) {
                finishRelationship(rel, group, plan, handled);
            }
            for (InstanceStateImpl st : group) {
                st.staleRefs = 0;
            }
        }
    }

    /** Applies {@code plan}'s directive for {@code rel} to {@code group} (objects whose mapper has it). */
    private void finishRelationship(RelationshipProperty rel, List<InstanceStateImpl> group, Plan plan,
                                    Set<RelationshipProperty> handled) {
        if (handled.contains(rel)) {
            return;
        }
        Directive d = plan.directive(rel);
        if (rel.isCollection()) {
            finishCollection(rel, group, d);
        } else if (rel.isRef() && d.strategy() != Strategy.SELECTIN && d.strategy() != Strategy.JOINED) {
            for (InstanceStateImpl st : group) { // lazy, raise or noload: nothing to run now
                if ((st.staleRefs & bit(rel)) != 0 && rel.get(st.object) instanceof RefImpl<?> ref) {
                    ref.mode = d.strategy();
                    if (d.strategy() == Strategy.NOLOAD) {
                        ref.put(null);
                    } else {
                        ref.unload();
                    }
                }
            }
        } else if (d.strategy() != Strategy.NOLOAD && d.strategy() != Strategy.RAISE) {
            List<InstanceStateImpl> stale = new ArrayList<>();
            for (InstanceStateImpl st : group) {
                if ((st.staleRefs & bit(rel)) != 0) {
                    stale.add(st);
                }
            }
            if (!stale.isEmpty()) {
                resolveRefs(rel, stale, Plan.of(d.sub()));
            }
        }
    }

    private void finishCollection(RelationshipProperty rel, List<InstanceStateImpl> group, Directive d) {
        int i = rel.index();
        List<InstanceStateImpl> todo = new ArrayList<>();
        for (InstanceStateImpl st : group) {
            CollectionState cs = st.collections[i];
            if (cs != null && !cs.loaded && !cs.writeOnly && cs.installed()) {
                todo.add(st);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        switch (d.strategy()) {
            case SELECTIN, JOINED, CONTAINS_EAGER -> {
                Map<InstanceStateImpl, List<Object>> found = loadCollections(rel, todo, Plan.of(d.sub()));
                for (InstanceStateImpl st : todo) {
                    st.collections[i].loadedWithOwned(found.getOrDefault(st, List.of()));
                }
            }
            case NOLOAD -> todo.forEach(st -> st.collections[i].loadedWith(List.of()));
            case RAISE, LAZY -> todo.forEach(st -> {
                st.collections[i].mode = d.strategy();
                st.collections[i].subOptions = d.sub();
            });
        }
    }

    // ------------------------------------------------------------------ joined inheritance, selectin

    /** Objects read through a selectin layout whose subclass columns ({@code bits}) are still to be loaded. */
    private List<InstanceStateImpl> subclassFill;
    private List<Long> subclassFillBits;

    /** Queues {@code st}: its subclass table columns {@code bits} were not in the row (see {@link #fillSubclassColumns}). */
    public void needsSubclassColumns(InstanceStateImpl st, long bits) {
        if (subclassFill == null) {
            subclassFill = new ArrayList<>();
            subclassFillBits = new ArrayList<>();
        }
        subclassFill.add(st);
        subclassFillBits.add(bits);
    }

    /**
     * Loads the subclass columns queued by {@link #needsSubclassColumns} (SQLAlchemy's
     * {@code selectin_polymorphic}): per subclass, one {@code SELECT key, columns FROM <its tables>
     * WHERE key IN (...)} per {@value #CHUNK} objects. Called where a load's rows have all been
     * read; a no-op when nothing is queued.
     */
    public void fillSubclassColumns() {
        if (subclassFill == null || subclassFill.isEmpty()) {
            return;
        }
        List<InstanceStateImpl> todo = subclassFill;
        List<Long> bits = subclassFillBits;
        subclassFill = null;
        subclassFillBits = null;
        Map<Mapper<?>, Map<Object, InstanceStateImpl>> byMapper = new LinkedHashMap<>();
        Map<Mapper<?>, Long> need = new HashMap<>();
        for (int i = 0; i < todo.size(); i++) {
            InstanceStateImpl st = todo.get(i);
            byMapper.computeIfAbsent(st.mapper, k -> new LinkedHashMap<>()).put(norm(st.identity), st);
            need.merge(st.mapper, bits.get(i), (a, b) -> a | b);
        }
        for (Map.Entry<Mapper<?>, Map<Object, InstanceStateImpl>> e : byMapper.entrySet()) {
            Mapper<?> s = e.getKey();
            long mask = need.get(s);
            List<org.jalchemy.sql.ColumnsClauseRole> cols = new ArrayList<>();
            Attribute<?, Object> pk = attr(s, s.primaryKey(0));
            cols.add(pk);
            List<ColumnProperty> props = new ArrayList<>();
            for (ColumnProperty p : s.properties()) {
                if (p.index() < 64 && (mask & (1L << p.index())) != 0L) {
                    cols.add(s.attribute(p.name()));
                    props.add(p);
                }
            }
            List<Object> keys = new ArrayList<>();
            for (InstanceStateImpl st : e.getValue().values()) {
                keys.add(st.identity);
            }
            for (int from = 0; from < keys.size(); from += CHUNK) {
                List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
                Select<?> sel = Sql.select(cols).selectFrom(s.ownSelectable()).where(pk.in(chunk));
                try (Result res = session.readConnection().execute(sel)) {
                    for (Object[] v = res.fetchArray(); v != null; v = res.fetchArray()) {
                        InstanceStateImpl st = e.getValue().get(norm(v[0]));
                        if (st == null) {
                            continue;
                        }
                        Object[] values = new Object[s.properties().size()];
                        long fill = 0L;
                        for (int k = 0; k < props.size(); k++) {
                            values[props.get(k).index()] = v[k + 1];
                            fill |= 1L << props.get(k).index();
                        }
                        org.jalchemy.orm.internal.session.SessionImpl.fillUnloaded(st, values, fill & st.unloaded);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ joined loading

    /** A relationship loaded from extra columns of the parent's statement. */
    record JoinedSpec(RelationshipProperty rel, Mapper<?> target, int offset, int width, Plan sub) {
    }

    public record Joined(Select<?> select, List<JoinedSpec> specs) {
        boolean hasCollections() {
            for (JoinedSpec s : specs) {
                if (s.rel.isCollection()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Adds LEFT OUTER JOINs (and their columns, after the {@code width} columns already selected)
     * for the relationships of {@code m} that {@code plan} loads joined, and the target's columns for
     * {@code containsEager}.
     */
    public Joined joined(Select<?> sel, Mapper<?> m, Plan plan, int width) {
        if (!m.hasRelationships()) {
            return new Joined(sel, List.of());
        }
        List<JoinedSpec> specs = new ArrayList<>();
        boolean limited = sel.limitClause() != null || sel.offsetClause() != null;
        int offset = width;
        for (RelationshipProperty rel : m.relationships()) {
            Directive d = plan.directive(rel);
            if (d.strategy() == Strategy.CONTAINS_EAGER) {
                Mapper<?> target = rel.resolved().target();
                FromClause from = d.alias() != null ? d.alias() : target.selectable();
                sel = sel.addColumns(from);
                specs.add(new JoinedSpec(rel, target, offset, from.columns().size(), Plan.of(d.sub())));
                offset += from.columns().size();
                continue;
            }
            if (d.strategy() != Strategy.JOINED || rel.isCollection() && limited) {
                continue;
            }
            Resolved r = rel.resolved();
            Mapper<?> target = r.target();
            if (target.hierarchy() != null || target.computedMask() != 0L) {
                continue; // an aliased table cannot read a hierarchy or computed columns: loaded selectin instead
            }
            FromClause[] a = ALIASES.computeIfAbsent(rel, Loading::aliasesOf);
            FromClause ta = a[0];
            switch (r.direction()) {
                case MANY_TO_ONE -> sel = sel.outerjoin(ta, session.loaderCriteria(
                        attr(m, r.local()).eq(col(ta, r.remote())), target, ta));
                case ONE_TO_MANY -> sel = sel.outerjoin(ta, session.loaderCriteria(withCriteria(
                        attr(m, r.local()).eq(col(ta, r.remote())), r, target, ta), target, ta));
                case MANY_TO_MANY -> {
                    FromClause sa = a[1];
                    RelationshipProperty.Secondary sec = r.secondary();
                    sel = sel.outerjoin(sa, attr(m, r.local()).eq(sa.c(sec.localColumn())))
                            .outerjoin(ta, session.loaderCriteria(withCriteria(
                                    sa.c(sec.remoteColumn()).eq(col(ta, r.remote())), r, target, ta), target, ta));
                }
            }
            sel = sel.addColumns(ta);
            for (RelationshipProperty.Order o : r.orderBy()) {
                ColumnClause<Object> c = col(ta, o.property());
                sel = sel.orderBy(o.descending() ? Sql.desc(c) : Sql.asc(c));
            }
            int w = target.properties().size();
            specs.add(new JoinedSpec(rel, target, offset, w, Plan.of(d.sub())));
            offset += w;
        }
        return new Joined(sel, specs);
    }

    private static FromClause[] aliasesOf(RelationshipProperty rel) {
        Resolved r = rel.resolved();
        String base = rel.owner().tableName() + "_" + rel.name();
        Alias target = r.target().table().alias(shorten(base));
        if (r.secondary() == null) {
            return new FromClause[]{target};
        }
        return new FromClause[]{target, r.secondary().table().alias(shorten(r.secondary().table().name() + "_" + base))};
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 52) + "_" + Integer.toHexString(s.hashCode());
    }

    @SuppressWarnings("unchecked")
    private static ColumnClause<Object> col(FromClause from, ColumnProperty p) {
        if (from instanceof MappedTable<?> t) {
            return (ColumnClause<Object>) (ColumnClause<?>) t.mapper().attribute(p.name());
        }
        return (ColumnClause<Object>) from.c(p.columnName());
    }

    @SuppressWarnings("unchecked")
    private static Attribute<?, Object> attr(Mapper<?> m, ColumnProperty p) {
        return (Attribute<?, Object>) (Attribute<?, ?>) m.attribute(p.name());
    }

    @SuppressWarnings("unchecked")
    private static ColumnElement<Boolean> withCriteria(ColumnElement<Boolean> on, Resolved r, Mapper<?> target,
                                                       FromClause ta) {
        if (r.where().isEmpty()) {
            return on;
        }
        List<ColumnElement<Boolean>> all = new ArrayList<>();
        all.add(on);
        for (RelationshipProperty.Condition c : r.where()) {
            ColumnClause<Object> col = col(ta, c.property());
            all.add(c.value() == null ? col.isNull() : col.eq(c.value()));
        }
        return Sql.and(all);
    }

    /** Adds the relationship's extra criteria and ORDER BY to a SELECT of its target. */
    private static Select criteria(Select<?> sel, Resolved r, Mapper<?> target, FromClause ta) {
        for (RelationshipProperty.Condition c : r.where()) {
            ColumnClause<Object> col = ta == null ? attr(target, c.property()) : col(ta, c.property());
            sel = sel.where(c.value() == null ? col.isNull() : col.eq(c.value()));
        }
        for (RelationshipProperty.Order o : r.orderBy()) {
            ColumnClause<Object> c = ta == null ? attr(target, o.property()) : col(ta, o.property());
            sel = sel.orderBy(o.descending() ? Sql.desc(c) : Sql.asc(c));
        }
        return sel;
    }

    /**
     * Whether {@link #finish} has work for a state: it has relationships and either a collection
     * or a reference not yet set (a child a selectin or joined load pointed at its parent has
     * none). The mapper's bits are cached for runs of states of one mapper. Loaders apply it while
     * a state is still in the CPU cache, so that {@code finish} does not walk 100,000 children
     * only to skip them.
     */
    static final class FinishFilter {
        private Mapper<?> mapper;
        private long refBits;
        private boolean collections;

        boolean needed(InstanceStateImpl st) {
            if (st.collections == null) {
                return false;
            }
            if (st.mapper != mapper) {
                learn(st.mapper);
            }
            return collections || (st.staleRefs & refBits) != 0;
        }

        private void learn(Mapper<?> m) {
            mapper = m;
            refBits = 0;
            collections = false;
            for (RelationshipProperty rel : m.relationships()) {
                if (rel.isCollection()) {
                    collections = true;
                } else {
                    refBits |= bit(rel);
                }
            }
        }
    }

    /**
     * Per parent and joined relationship (by position in the specs): the related objects met so
     * far in this result, de-duplicated; and per relationship the related states {@link #finish}
     * still has work for. Rows come grouped by parent, so the last parent's entry is kept at hand,
     * and each relationship's identity map is looked up once.
     *
     * <p>A child is pointed back at its parent (the many-to-one side of a one-to-many being
     * loaded) and checked for {@code finish} in the row that brings it, while its new state is in
     * the CPU cache, rather than in passes over all children after the last row.
     */
    static final class JoinedAccumulator {
        /** In the order parents first appear (states compare by identity). */
        final Map<InstanceStateImpl, Found> found = new LinkedHashMap<>();
        final Map<JoinedSpec, List<InstanceStateImpl>> needing = new LinkedHashMap<>();
        private final FinishFilter need = new FinishFilter();
        private List<JoinedSpec> specs;
        private Map<Object, InstanceStateImpl>[] maps;
        /** Per spec: the many-to-one partner that points children back at their parent, or null. */
        private RelationshipProperty[] backs;
        private InstanceStateImpl lastParent;
        private Found last;
        /** Per spec: how many objects the previous parent's list ended with (the next list's capacity). */
        private int[] sizes;
    }

    /**
     * One parent's related objects per joined relationship, and for each whether it is a
     * collection this result loads (not loaded yet, not write-only, installed): decided at the
     * parent's first row, as nothing between the rows changes it.
     */
    static final class Found {
        final List<Object>[] lists;
        final boolean[] loading;

        @SuppressWarnings("unchecked")
        Found(InstanceStateImpl parent, List<JoinedSpec> specs, int[] sizes) {
            int n = specs.size();
            lists = new List[n];
            loading = new boolean[n];
            for (int j = 0; j < n; j++) {
                lists[j] = new ArrayList<>(Math.max(4, sizes[j])); // siblings tend to have as many: grown once, not 6 times for 100
                RelationshipProperty rel = specs.get(j).rel;
                if (rel.isCollection()) {
                    CollectionState cs = parent.collections[rel.index()];
                    loading[j] = cs != null && !cs.loaded && !cs.writeOnly && cs.installed();
                }
            }
        }
    }

    /**
     * Reads the joined columns of one row for {@code parent}. Runs once per row: kept small enough
     * for the JIT to compile it into its caller, with what happens once per result or per parent
     * in the methods it calls.
     */
    void consume(Object[] values, InstanceStateImpl parent, List<JoinedSpec> specs, JoinedAccumulator acc) {
        if (acc.specs == null) {
            startJoined(specs, acc);
        }
        Found mine = parent == acc.lastParent ? acc.last : nextParent(parent, specs, acc);
        for (int j = 0, n = specs.size(); j < n; j++) {
            JoinedSpec spec = specs.get(j);
            if (allNull(values, spec.offset, spec.offset + spec.width)) {
                continue;
            }
            Object[] slice = Arrays.copyOfRange(values, spec.offset, spec.offset + spec.width);
            InstanceStateImpl child = session.hydrateState(spec.target, acc.maps[j], slice);
            Object obj = child.object;
            List<Object> l = mine.lists[j];
            // several joins multiply rows, and a reference repeats on each: one join of a collection does not
            if ((n > 1 || !spec.rel.isCollection()) && containsIdentity(l, obj)) {
                continue;
            }
            l.add(obj);
            RelationshipProperty back = acc.backs[j];
            if (back != null && mine.loading[j]) {
                pointBack(back, child, obj, parent.object);
            }
            if (spec.target.hasRelationships() && acc.need.needed(child)) {
                acc.needing.computeIfAbsent(spec, k -> new ArrayList<>()).add(child);
            }
        }
    }

    /** The first joined row of a result: what every row needs, looked up once. */
    @SuppressWarnings("unchecked")
    private void startJoined(List<JoinedSpec> specs, JoinedAccumulator acc) {
        int n = specs.size();
        acc.specs = specs;
        acc.maps = new Map[n];
        acc.backs = new RelationshipProperty[n];
        acc.sizes = new int[n];
        for (int j = 0; j < n; j++) {
            acc.maps[j] = session.identityMap(specs.get(j).target);
            acc.backs[j] = backReference(specs.get(j).rel);
        }
    }

    /** The first row of another parent: its entry (a new one, or the one from its earlier rows). */
    private static Found nextParent(InstanceStateImpl parent, List<JoinedSpec> specs, JoinedAccumulator acc) {
        Found previous = acc.last;
        if (previous != null) {
            for (int j = 0; j < previous.lists.length; j++) {
                acc.sizes[j] = previous.lists[j].size();
            }
        }
        Found mine = acc.found.computeIfAbsent(parent, k -> new Found(k, specs, acc.sizes));
        acc.lastParent = parent;
        acc.last = mine;
        return mine;
    }

    private static boolean containsIdentity(List<Object> l, Object obj) {
        for (int i = 0, n = l.size(); i < n; i++) {
            if (l.get(i) == obj) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the last row: joined collections become loaded (empty when no row had children),
     * references set; then {@link #finish} runs for the related objects that still need it.
     */
    void finishJoined(JoinedAccumulator acc) {
        for (Map.Entry<InstanceStateImpl, Found> e : acc.found.entrySet()) {
            InstanceStateImpl parent = e.getKey();
            Found f = e.getValue();
            for (int j = 0; j < f.lists.length; j++) {
                RelationshipProperty rel = acc.specs.get(j).rel;
                int i = rel.index();
                List<Object> objects = f.lists[j];
                if (rel.isCollection()) {
                    CollectionState cs = parent.collections[i];
                    if (f.loading[j] && cs != null && !cs.loaded && !cs.writeOnly && cs.installed()) {
                        cs.loadedWithOwned(objects);
                    }
                } else {
                    setRef(parent, i, rel, objects.isEmpty() ? null : objects.get(0));
                }
            }
        }
        for (Map.Entry<JoinedSpec, List<InstanceStateImpl>> e : acc.needing.entrySet()) {
            finish(e.getValue(), e.getKey().sub, Set.of());
        }
    }

    static Set<RelationshipProperty> handled(List<JoinedSpec> specs) {
        if (specs.isEmpty()) {
            return Set.of();
        }
        Set<RelationshipProperty> out = new HashSet<>();
        for (JoinedSpec s : specs) {
            out.add(s.rel);
        }
        return out;
    }

    static boolean allNull(Object[] v) {
        return allNull(v, 0, v.length);
    }

    /** True when {@code v[from]} … {@code v[to - 1]} are all null. */
    static boolean allNull(Object[] v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (v[i] != null) {
                return false;
            }
        }
        return true;
    }

    private static long bit(RelationshipProperty rel) {
        return 1L << (rel.index() & 63);
    }

    /** Keys compared across Integer/Long columns by value. */
    public static Object norm(Object k) {
        if (k instanceof Integer || k instanceof Long || k instanceof Short || k instanceof Byte) {
            return ((Number) k).longValue();
        }
        if (k instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        return k;
    }
}
