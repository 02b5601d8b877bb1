package org.jalchemy.orm;

/**
 * ORM events for monitoring (jalchemy-metrics' binder): implement what you need and register with
 * {@link SessionFactory#listen}. Called synchronously on the session's thread; keep them fast and
 * do not use the session from inside them. With no listener registered nothing is allocated.
 */
public interface SessionListener {
    /** A flush wrote {@code objects} objects (inserted, updated and deleted together). */
    default void afterFlush(Session session, int objects) {
    }

    /** A database row became a new object of the session ({@code type} is the mapped class). */
    default void objectLoaded(Session session, Class<?> type) {
    }

    /** A relationship ({@code "User.posts"}) was loaded lazily, on first access: one more query. */
    default void lazyLoad(Session session, String relationship) {
    }

    /**
     * The N+1 diagnostic ({@code warnOnNPlusOne}/{@code raiseOnNPlusOne}) fired for a relationship
     * lazily loaded {@code loads} times in one session.
     */
    default void nPlusOne(Session session, String relationship, int loads) {
    }
}
