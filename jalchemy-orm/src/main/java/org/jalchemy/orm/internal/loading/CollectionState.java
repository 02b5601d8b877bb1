package org.jalchemy.orm.internal.loading;

import org.jalchemy.orm.DetachedInstanceError;
import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.orm.LazyLoadExecutor;
import org.jalchemy.orm.LoaderOption;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.annotations.Relationship.Cascade;
import org.jalchemy.orm.mapping.RelationshipProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The session's side of one relationship collection of one object: the elements, whether they
 * are loaded, the membership as last loaded or flushed ({@link #committed}, what the flush
 * compares against) and the loader to run on first access. The field holds an
 * {@link InstrumentedList} or {@link InstrumentedSet} backed by this state.
 *
 * <p>Invariant: a list's membership as committed is shared with its elements until the first
 * change ({@link #committed} null: the same elements, no copy per loaded collection); every write to
 * the elements of a list goes through {@link #beforeWrite()} or a quiet add/remove here, which
 * take the copy first. A set always keeps its own copy.
 *
 * <p>Hazards: not thread-safe (a session's objects belong to one thread at a time). Reading an
 * unloaded collection runs a query on the owner's session (through its {@link LazyLoadExecutor},
 * if it has one), so it fails when the owner is detached ({@link DetachedInstanceError}) and
 * raises for {@code lazy = RAISE} / {@code WRITE_ONLY}.
 */
public final class CollectionState {
    final InstanceStateImpl owner;
    final RelationshipProperty rel;
    /** The members; a list collection may be given a loader's list in place of its own ({@link #loadedWithOwned}). */
    public Collection<Object> elements;
    Collection<Object> facade;
    public boolean loaded;
    LoaderOption.Strategy mode;
    public boolean writeOnly;
    List<LoaderOption<?>> subOptions = List.of();
    /** Membership at load or last flush; empty for a new object; null: the elements themselves (a list not changed since). */
    private List<Object> committed = List.of();
    private int muted;
    /** True when the membership may differ from {@link #committed}: set by every change, cleared at load and flush. */
    public boolean changed;
    private void markChanged() {
        changed = true;
        if (owner.session != null) {
            owner.session.collectionsChanged = true;
        }
    }

    /** Write-only collections: objects removed without ever being loaded, for the flush. */
    final List<Object> writeOnlyRemovals = new ArrayList<>();

    CollectionState(InstanceStateImpl owner, RelationshipProperty rel) {
        this.owner = owner;
        this.rel = rel;
        this.elements = rel.isSet() ? new LinkedHashSet<>() : new ArrayList<>();
    }

    /** Installs a fresh instrumented collection in the owner's field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Collection<Object> install() {
        facade = rel.isSet() ? new InstrumentedSet(this) : new InstrumentedList(this);
        rel.set(owner.object, facade);
        return facade;
    }

    /** True when the field still holds this state's collection. */
    public boolean installed() {
        return facade != null && rel.get(owner.object) == facade;
    }

    void beforeRead() {
        if (loaded) {
            return;
        }
        if (writeOnly) {
            throw new InvalidRequestError("Collection " + rel.where() + " is write-only (lazy = WRITE_ONLY): it can be "
                    + "added to and removed from, never read; query it with session.execute(select("
                    + rel.targetType().getSimpleName() + ".class).where(...))");
        }
        if (mode == LoaderOption.Strategy.RAISE) {
            throw new InvalidRequestError("'" + rel.where() + "' is not available due to lazy = RAISE; load it in the "
                    + "query with selectinload(" + metamodel() + ") or joinedload(" + metamodel() + ")");
        }
        requireSession().runLazyLoad(this::loadNow);
    }

    /** The lazy load itself, on the session's thread: the session may have closed, or another access loaded it. */
    private void loadNow() {
        if (!loaded) {
            requireSession().loading().lazyLoad(this);
        }
    }

    private SessionImpl requireSession() {
        SessionImpl s = owner.session;
        if (s == null || s.isClosed()) {
            throw new DetachedInstanceError("Parent instance " + owner.describe() + " is not bound to a Session; lazy "
                    + "load of attribute '" + rel.where() + "' cannot proceed (load it while the session is open, "
                    + "e.g. with selectinload(" + metamodel() + "), or merge() the object into a session)");
        }
        return s;
    }

    void beforeWrite() {
        if (!writeOnly) {
            beforeRead();
        }
        detachCommitted();
    }

    /** Membership at load or last flush (read only). */
    @SuppressWarnings("unchecked")
    public List<Object> committed() {
        return committed != null ? committed : (List<Object>) (List<?>) elements;
    }

    /** Before the elements change: the committed membership takes its own copy if it shares them. */
    private void detachCommitted() {
        if (committed == null) {
            committed = new ArrayList<>(elements);
        }
    }

    /** After a load or flush: the committed membership is what the elements hold now. */
    private void commitElements() {
        committed = elements instanceof List<?> ? null : new ArrayList<>(elements);
    }

    private String metamodel() {
        return rel.owner().entityName() + "_." + rel.name();
    }

    /** Replaces the contents as loaded from the database (no events); marks loaded. */
    public void loadedWith(Collection<?> items) {
        elements.clear();
        if (elements instanceof ArrayList<Object> list) { // one array of the exact size, not a copy of items then of that
            list.ensureCapacity(items.size());
            for (Object o : items) {
                list.add(o);
            }
        } else {
            elements.addAll(items);
        }
        commitElements();
        loaded = true;
        changed = false;
    }

    /**
     * As {@link #loadedWith}, taking {@code items} itself as a list collection's elements instead
     * of copying it: for a loader's list of one parent's objects, which nothing else holds or
     * changes afterwards (the caller's promise). Its spare capacity is dropped (a copy only when
     * the loader's size guess was off), so a loaded list holds what a copy would. A set copies.
     */
    public void loadedWithOwned(List<Object> items) {
        if (elements instanceof ArrayList<?> && items instanceof ArrayList<Object> list && list.getClass() == ArrayList.class) {
            list.trimToSize();
            elements = list;
            commitElements();
            loaded = true;
            changed = false;
        } else {
            loadedWith(items);
        }
    }

    /** Forgets the contents: the next access loads again. */
    public void unload() {
        if (!writeOnly) {
            elements.clear();
            committed = List.of();
            loaded = false;
            changed = false;
        }
    }

    /** After a flush: what is there now is what the database has. */
    public void committedNow() {
        changed = false;
        if (writeOnly) {
            committed = List.of();
            elements.clear();
            writeOnlyRemovals.clear();
        } else {
            commitElements();
        }
    }

    /** A write-only collection was asked to remove {@code item}, which it never loaded. */
    void writeOnlyRemoved(Object item) {
        writeOnlyRemovals.add(item);
        afterRemove(item);
    }

    /** Elements added since load/flush, by identity. */
    public List<Object> added() {
        if (committed == null) {
            return new ArrayList<>();
        }
        Map<Object, Boolean> was = identitySet(committed);
        List<Object> out = new ArrayList<>();
        for (Object o : elements) {
            if (!was.containsKey(o)) {
                out.add(o);
            }
        }
        return out;
    }

    /** Elements removed since load/flush, by identity. */
    public List<Object> removed() {
        if (writeOnly) {
            return writeOnlyRemovals;
        }
        if (committed == null || committed.isEmpty()) {
            return List.of();
        }
        Map<Object, Boolean> now = identitySet(elements);
        List<Object> out = new ArrayList<>();
        for (Object o : committed) {
            if (!now.containsKey(o)) {
                out.add(o);
            }
        }
        return out;
    }

    public static Map<Object, Boolean> identitySet(Collection<?> items) {
        Map<Object, Boolean> m = new IdentityHashMap<>(Math.max(4, items.size() * 2));
        for (Object o : items) {
            m.put(o, Boolean.TRUE);
        }
        return m;
    }

    // ------------------------------------------------------------------ events (from the facade)

    void afterAdd(Object item) {
        markChanged();
        if (muted > 0 || item == null) {
            return;
        }
        SessionImpl s = owner.session;
        if (s != null && !s.isClosed()) {
            if (rel.resolved().cascades(Cascade.SAVE_UPDATE) && !s.contains(item)) {
                s.cascadeAdd(item);
            }
            s.loading().syncAdded(this, item);
        }
    }

    void afterRemove(Object item) {
        markChanged();
        if (muted > 0 || item == null) {
            return;
        }
        SessionImpl s = owner.session;
        if (s != null && !s.isClosed()) {
            s.loading().syncRemoved(this, item);
        }
    }

    /** Adds without events (the other side of a sync); loads nothing. */
    void addQuietly(Object item) {
        detachCommitted();
        markChanged();
        muted++;
        try {
            if (!(elements instanceof List<?>) || !containsIdentity(item)) {
                elements.add(item);
            }
        } finally {
            muted--;
        }
    }

    void removeQuietly(Object item) {
        detachCommitted();
        markChanged();
        muted++;
        try {
            for (java.util.Iterator<Object> it = elements.iterator(); it.hasNext(); ) {
                if (it.next() == item) {
                    it.remove();
                    break;
                }
            }
        } finally {
            muted--;
        }
    }

    boolean containsIdentity(Object item) {
        for (Object o : elements) {
            if (o == item) {
                return true;
            }
        }
        return false;
    }
}
