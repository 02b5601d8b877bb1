package org.jalchemy.orm.internal.loading;

import org.jalchemy.orm.DetachedInstanceError;
import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.orm.LazyLoadExecutor;
import org.jalchemy.orm.LoaderOption;
import org.jalchemy.orm.Ref;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.mapping.RelationshipProperty;

/**
 * The ORM's {@link Ref}: a holder for the target of a single-valued relationship, bound to its
 * owner's state and relationship when the owner enters a session ({@code Loading.adopt} or
 * {@code initLoaded}). {@link #get()} of an unloaded one runs the lazy load through the owner's
 * session (its {@code LazyLoadExecutor}; identity map first, else one SELECT), or raises for
 * {@code RAISE} and once the session is gone ({@link DetachedInstanceError}).
 *
 * <p>The static helpers ({@link #value}, {@link #loadedOn}, {@link #assign}) read and write a
 * single-valued relationship whether its field is plain or a {@code Ref}. Not thread-safe.
 *
 * @param <T> the related entity
 */
public final class RefImpl<T> implements Ref<T> {
    private T value;
    private boolean loaded = true;
    public InstanceStateImpl owner;
    RelationshipProperty rel;
    LoaderOption.Strategy mode = LoaderOption.Strategy.LAZY;

    /** A holder of {@code value}, loaded ({@link Ref#of}, {@link Ref#empty}). */
    public RefImpl(T value) {
        this.value = value;
    }

    /** The related object, loading it first when needed; null when there is none. */
    public T get() {
        if (!loaded) {
            load();
        }
        return value;
    }

    /** Points the relationship at {@code target} (or nothing); the other side follows at once while in a session. */
    public void set(T target) {
        value = target;
        loaded = true;
        if (owner != null && owner.session != null && !owner.session.isClosed()) {
            owner.session.loading().refAssigned(owner, rel);
        }
    }

    /** True when {@link #get()} runs no query. */
    public boolean isLoaded() {
        return loaded;
    }

    private void load() {
        if (mode == LoaderOption.Strategy.RAISE) {
            throw new InvalidRequestError("'" + rel.where() + "' is not available due to lazy = RAISE; load it in the "
                    + "query with selectinload(" + rel.owner().entityName() + "_." + rel.name() + ") or joinedload(...)");
        }
        requireSession().runLazyLoad(this::loadNow);
    }

    /** The lazy load itself, on the session's thread: the session may have closed, or another access loaded it. */
    private void loadNow() {
        if (!loaded) {
            requireSession().loading().lazyLoadRef(owner, rel);
        }
    }

    private SessionImpl requireSession() {
        SessionImpl s = owner == null ? null : owner.session;
        if (s == null || s.isClosed()) {
            throw new DetachedInstanceError("Parent instance " + (owner == null ? "(unbound)" : owner.describe())
                    + " is not bound to a Session; lazy load of attribute '" + (rel == null ? "?" : rel.where())
                    + "' cannot proceed (load it while the session is open, or merge() the object into a session)");
        }
        return s;
    }

    /** Sets the value as loaded, without events. */
    @SuppressWarnings("unchecked")
    void put(Object v) {
        value = (T) v;
        loaded = true;
    }

    public void unload() {
        value = null;
        loaded = false;
    }

    T peek() {
        return value;
    }

    // ------------------------------------------------------------------ single-valued relationship access

    /** The referenced object (a plain field's value, or a loaded Ref's); null for an unloaded Ref. */
    public static Object value(RelationshipProperty rel, Object entity) {
        Object v = rel.get(entity);
        return rel.isRef() ? (v == null ? null : ((RefImpl<?>) v).value) : v;
    }

    /** False only for a Ref that has not been loaded: the flush and the cascades leave it alone. */
    public static boolean loadedOn(RelationshipProperty rel, Object entity) {
        return !rel.isRef() || !(rel.get(entity) instanceof RefImpl<?> r) || r.loaded;
    }

    /** Sets a single-valued relationship without events (a plain field, or a Ref as loaded). */
    public static void assign(RelationshipProperty rel, Object entity, Object value) {
        if (!rel.isRef()) {
            rel.set(entity, value);
            return;
        }
        Object cur = rel.get(entity);
        if (cur instanceof RefImpl<?> r) {
            r.put(value);
        } else {
            rel.set(entity, new RefImpl<>(value));
        }
    }

    @Override
    public String toString() {
        return loaded ? "Ref[" + value + "]" : "Ref[<not loaded>]";
    }
}
