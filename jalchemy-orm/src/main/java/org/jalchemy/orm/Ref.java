package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.mapping.RelationshipProperty;

/**
 * A single-valued relationship field that loads on access: {@code public Ref<User> author =
 * Ref.empty();} instead of {@code public User author;}. Java cannot intercept a plain field read,
 * so a plain reference is loaded together with its object; a {@code Ref} is the opt-in for truly
 * lazy many-to-one and one-to-one relationships: {@link #get()} loads the target on first call
 * (identity map first, else one SELECT), and {@code lazy = RAISE} makes it raise instead.
 * {@link #set} also updates the other side at once, where a plain field assignment is seen at the
 * next flush.
 *
 * <p>A {@code Ref} made by the application ({@link #of}, {@link #empty}) is a plain holder until
 * its object enters a session, which binds it. After the session closes, a loaded {@code Ref}
 * keeps its value; an unloaded one raises {@link DetachedInstanceError}. Not thread-safe.
 *
 * @param <T> the related entity
 */
public final class Ref<T> {
    private T value;
    private boolean loaded = true;
    InstanceState owner;
    RelationshipProperty rel;
    LoaderOption.Strategy mode = LoaderOption.Strategy.LAZY;

    private Ref(T value) {
        this.value = value;
    }

    /** A reference to {@code value} (for new objects). */
    public static <T> Ref<T> of(T value) {
        return new Ref<>(value);
    }

    /** An empty reference: the field initialiser of a {@code Ref} relationship. */
    public static <T> Ref<T> empty() {
        return new Ref<>(null);
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

    private Session requireSession() {
        Session s = owner == null ? null : owner.session;
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

    void unload() {
        value = null;
        loaded = false;
    }

    T peek() {
        return value;
    }

    // ------------------------------------------------------------------ single-valued relationship access

    /** The referenced object (a plain field's value, or a loaded Ref's); null for an unloaded Ref. */
    static Object value(RelationshipProperty rel, Object entity) {
        Object v = rel.get(entity);
        return rel.isRef() ? (v == null ? null : ((Ref<?>) v).value) : v;
    }

    /** False only for a Ref that has not been loaded: the flush and the cascades leave it alone. */
    static boolean loadedOn(RelationshipProperty rel, Object entity) {
        return !rel.isRef() || !(rel.get(entity) instanceof Ref<?> r) || r.loaded;
    }

    /** Sets a single-valued relationship without events (a plain field, or a Ref as loaded). */
    static void assign(RelationshipProperty rel, Object entity, Object value) {
        if (!rel.isRef()) {
            rel.set(entity, value);
            return;
        }
        Object cur = rel.get(entity);
        if (cur instanceof Ref<?> r) {
            r.put(value);
        } else {
            rel.set(entity, new Ref<>(value));
        }
    }

    @Override
    public String toString() {
        return loaded ? "Ref[" + value + "]" : "Ref[<not loaded>]";
    }
}
