package org.jalchemy.orm;

import org.jalchemy.orm.internal.loading.RefImpl;

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
 * <p>The implementation is the ORM's own ({@link #of}, {@link #empty}); a field holding some other
 * implementation of this interface is replaced by the ORM's, with the same value, when its object
 * enters a session.
 *
 * @param <T> the related entity
 */
public interface Ref<T> {
    /** A reference to {@code value} (for new objects). */
    static <T> Ref<T> of(T value) {
        return new RefImpl<>(value);
    }

    /** An empty reference: the field initialiser of a {@code Ref} relationship. */
    static <T> Ref<T> empty() {
        return new RefImpl<>(null);
    }

    /** The related object, loading it first when needed; null when there is none. */
    T get();

    /** Points the relationship at {@code target} (or nothing); the other side follows at once while in a session. */
    void set(T target);

    /** True when {@link #get()} runs no query. */
    boolean isLoaded();
}
