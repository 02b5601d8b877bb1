package org.jalchemy.orm;

import org.jalchemy.orm.mapping.Mapper;

import java.util.List;

/**
 * What a session knows about one object (SQLAlchemy's {@code inspect(obj)}): its
 * {@link ObjectState}, identity, whether it is expired or marked for deletion, and which
 * attributes differ from the values last loaded or flushed. {@code session.inspect(o)} returns it.
 *
 * <p>A state obtained from {@code session.inspect(o)} stays valid after the session lets the
 * object go and then reports {@code DETACHED}, or {@code TRANSIENT} when its INSERT was rolled back
 * (as in SQLAlchemy; the key field keeps its value). For an object the session never held it is
 * a description: {@code DETACHED} when the object has a key, {@code TRANSIENT} otherwise.
 * Read it on the session's thread.
 */
public interface InstanceState {
    /** The object described. */
    Object object();

    /** The object's mapper. */
    Mapper<?> mapper();

    ObjectState state();

    default boolean isTransient() {
        return state() == ObjectState.TRANSIENT;
    }

    default boolean isPending() {
        return state() == ObjectState.PENDING;
    }

    default boolean isPersistent() {
        return state() == ObjectState.PERSISTENT;
    }

    default boolean isDeleted() {
        return state() == ObjectState.DELETED;
    }

    default boolean isDetached() {
        return state() == ObjectState.DETACHED;
    }

    /** True when {@code session.delete(o)} was called and not yet flushed. */
    boolean isMarkedForDeletion();

    /** The identity-map key (primary key value, or a list for composite keys); null before the INSERT. */
    Object identity();

    /** True when the session will reload the object's columns the next time it meets its row. */
    boolean isExpired();

    /** The session holding the object, or null. */
    Session session();

    /** Attribute names whose current value differs from the snapshot (all of them for a pending object). */
    List<String> modifiedAttributes();
}
