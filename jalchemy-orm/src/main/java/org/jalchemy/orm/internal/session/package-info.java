/**
 * Internal: the session's implementation (SQLAlchemy's {@code orm/session.py},
 * {@code identity.py}, {@code state.py}). {@link org.jalchemy.orm.internal.session.SessionImpl} is
 * what {@code SessionFactory.open()} returns: the identity map, the per-object
 * {@link org.jalchemy.orm.internal.session.InstanceStateImpl states} (snapshot, expiry,
 * relationship bookkeeping), the transaction stack
 * ({@link org.jalchemy.orm.internal.session.SessionTransactionImpl}) and the structures that keep
 * object → state lookups cheap ({@link org.jalchemy.orm.internal.session.StateIndex},
 * {@link org.jalchemy.orm.internal.session.PendingSet}).
 *
 * <p>Not API: classes are public only so that the ORM's other internal packages can use them.
 * Applications and other modules use {@code org.jalchemy.orm.Session} and friends.
 */
package org.jalchemy.orm.internal.session;
