package org.jalchemy.orm;

/**
 * Where an object stands with respect to a session (SQLAlchemy's object states).
 *
 * <ul>
 *   <li>{@code TRANSIENT} — not in a session, no row.</li>
 *   <li>{@code PENDING} — added to a session, not yet flushed.</li>
 *   <li>{@code PERSISTENT} — in a session, with a row (flushed or loaded).</li>
 *   <li>{@code DELETED} — its DELETE was flushed; becomes {@code DETACHED} at commit, or
 *       {@code PERSISTENT} again at rollback.</li>
 *   <li>{@code DETACHED} — had a row in a session, no longer belongs to one (closed, expunged).</li>
 * </ul>
 */
public enum ObjectState {
    TRANSIENT, PENDING, PERSISTENT, DELETED, DETACHED
}
