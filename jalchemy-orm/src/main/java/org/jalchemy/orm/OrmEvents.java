package org.jalchemy.orm;

import org.jalchemy.exc.ArgumentError;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * ORM events of one {@link SessionFactory} ({@code factory.events()}), SQLAlchemy's mapper and
 * session events under Java names:
 *
 * <ul>
 *   <li>per entity class (instances of it and of its subclasses): {@link #beforeInsert},
 *   {@link #afterInsert}, {@link #beforeUpdate}, {@link #afterUpdate}, {@link #beforeDelete},
 *   {@link #afterDelete}, called by the flush for each object, with the session. The entity's own
 *   annotated methods ({@code @BeforeInsert} ...) run first, then these listeners in registration
 *   order. "Before" ones run before any statement of the flush, so changes they make to the object's
 *   columns are written (a {@code beforeUpdate} runs only for objects whose columns changed);
 *   "after" ones run once the flush's statements succeeded.</li>
 *   <li>per session: {@link #beforeFlush} (a flush with work to do), {@link #afterFlush},
 *   {@link #afterCommit} (the database committed), {@link #afterRollback}.</li>
 * </ul>
 *
 * <p>A listener that throws in a "before" event stops the flush before it writes anything; the
 * exception reaches the caller of {@code flush}/{@code commit}/the query that autoflushed, and the
 * transaction must be rolled back as after any failed flush. Listeners may be added at any time
 * from any thread (copy-on-write lists); each {@link Registration} removes its listener.
 */
public final class OrmEvents {
    /** A listener of one entity class's events. */
    @FunctionalInterface
    public interface EntityListener<E> {
        void on(Session session, E entity);
    }

    /** Removes a listener ({@code close()}). */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** What an entity listener listens to. */
    public enum EntityEvent { BEFORE_INSERT, AFTER_INSERT, BEFORE_UPDATE, AFTER_UPDATE, BEFORE_DELETE, AFTER_DELETE }

    /** What a session listener listens to. */
    public enum SessionEvent { BEFORE_FLUSH, AFTER_FLUSH, AFTER_COMMIT, AFTER_ROLLBACK }

    /** One registered entity listener. */
    public record Entry(EntityEvent event, Class<?> type, EntityListener<Object> listener) {
    }

    private record SessionEntry(SessionEvent event, Consumer<? super Session> listener) {
    }

    private final List<Entry> entity = new CopyOnWriteArrayList<>();
    private final List<SessionEntry> session = new CopyOnWriteArrayList<>();

    OrmEvents() {
    }

    public <E> Registration beforeInsert(Class<E> type, EntityListener<? super E> l) {
        return add(EntityEvent.BEFORE_INSERT, type, l);
    }

    public <E> Registration afterInsert(Class<E> type, EntityListener<? super E> l) {
        return add(EntityEvent.AFTER_INSERT, type, l);
    }

    public <E> Registration beforeUpdate(Class<E> type, EntityListener<? super E> l) {
        return add(EntityEvent.BEFORE_UPDATE, type, l);
    }

    public <E> Registration afterUpdate(Class<E> type, EntityListener<? super E> l) {
        return add(EntityEvent.AFTER_UPDATE, type, l);
    }

    public <E> Registration beforeDelete(Class<E> type, EntityListener<? super E> l) {
        return add(EntityEvent.BEFORE_DELETE, type, l);
    }

    public <E> Registration afterDelete(Class<E> type, EntityListener<? super E> l) {
        return add(EntityEvent.AFTER_DELETE, type, l);
    }

    public Registration beforeFlush(Consumer<? super Session> l) {
        return add(SessionEvent.BEFORE_FLUSH, l);
    }

    public Registration afterFlush(Consumer<? super Session> l) {
        return add(SessionEvent.AFTER_FLUSH, l);
    }

    public Registration afterCommit(Consumer<? super Session> l) {
        return add(SessionEvent.AFTER_COMMIT, l);
    }

    public Registration afterRollback(Consumer<? super Session> l) {
        return add(SessionEvent.AFTER_ROLLBACK, l);
    }

    @SuppressWarnings("unchecked")
    private <E> Registration add(EntityEvent event, Class<E> type, EntityListener<? super E> l) {
        if (type == null || l == null) {
            throw new ArgumentError(event + " listener: the class and the listener must not be null");
        }
        Entry e = new Entry(event, type, (EntityListener<Object>) (EntityListener<?>) l);
        entity.add(e);
        return () -> entity.remove(e);
    }

    private Registration add(SessionEvent event, Consumer<? super Session> l) {
        if (l == null) {
            throw new ArgumentError(event + " listener must not be null");
        }
        SessionEntry e = new SessionEntry(event, l);
        session.add(e);
        return () -> session.remove(e);
    }

    /** True when any entity listener is registered (the flush skips its event pass otherwise). */
    public boolean hasEntityListeners() {
        return !entity.isEmpty();
    }

    /** Calls the entity listeners of {@code event} that apply to {@code object}. */
    public void fire(EntityEvent event, Session s, Object object) {
        for (Entry e : entity) {
            if (e.event == event && e.type.isInstance(object)) {
                e.listener.on(s, object);
            }
        }
    }

    /** True when a listener of {@code event} is registered. */
    public boolean has(SessionEvent event) {
        for (SessionEntry e : session) {
            if (e.event == event) {
                return true;
            }
        }
        return false;
    }

    /** Calls the session listeners of {@code event}. */
    public void fire(SessionEvent event, Session s) {
        for (SessionEntry e : session) {
            if (e.event == event) {
                e.listener.accept(s);
            }
        }
    }
}
