package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.orm.internal.loading.CollectionState;
import org.jalchemy.orm.InstanceState;
import org.jalchemy.orm.internal.loading.Loading;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.Mapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The session's bookkeeping for one object (SQLAlchemy's {@code InstanceState}): its
 * {@link ObjectState}, identity, the committed snapshot (column values as last loaded or flushed,
 * in mapper order) that dirty tracking compares against, and the expired flag.
 *
 * <p>Objects carry no reference to their state; a session maps object → state by identity. A
 * state obtained from {@code session.inspect(o)} stays valid after the session lets the object
 * go and then reports {@code DETACHED}, or {@code TRANSIENT} when its INSERT was rolled back (as
 * in SQLAlchemy; the key field keeps its value, and the session keeps a weak note so that
 * {@code inspect} agrees). Mutated only by its session, on the session's thread.
 *
 * <p>Hazard: the {@link #state} and {@link #session} fields are what the open session maintains;
 * closing a session leaves them as they were (it does not visit its objects), so code outside the
 * open session must read {@link #state()} and {@link #session()}, which report every object of a
 * closed session as detached and session-less.
 */
public final class InstanceStateImpl implements InstanceState {
    public final Object object;
    public final Mapper<?> mapper;
    public ObjectState state;
    public Object identity;
    public Object[] snapshot;
    public boolean expired;
    /** Bit i: column property i was not loaded (deferred); its field holds what it held, not the row's value. */
    public long unloaded;
    public boolean markedForDeletion;
    public SessionImpl session;
    /** Per relationship (mapper order): the collection's state, null for single references or before init. */
    public CollectionState[] collections;
    /**
     * Per relationship, in two halves: {@code refs[i]} is single reference i as last loaded or
     * flushed (what the flush compares against); {@code refs[n + i]}, read through {@link #seen(int)},
     * the one the session last synchronised the other side for. One array, not two: a field less
     * on every state and an array less on each state with relationships.
     */
    public Object[] refs;
    /** Bit i set: single reference i needs resolving (the row was just loaded or reloaded). */
    public long staleRefs;
    /** The last {@code Loading.finish} pass that handled this state (de-duplicates a result's objects). */
    public int finishMark;
    /** The flush that inserted this object (its snapshot is what was just written: not dirty). */
    public int insertedBy;
    /** Position in the session's {@link StateIndex} (valid only while that index holds this state there). */
    int slot = -1;
    /** Position in the session's {@link PendingSet} (valid only while that set holds this state there). */
    int pendingSlot = -1;

    InstanceStateImpl(Object object, Mapper<?> mapper, ObjectState state, SessionImpl session) {
        this.object = object;
        this.mapper = mapper;
        this.state = state;
        this.session = session;
    }

    /**
     * Allocates the relationship arrays (idempotent). A mapper without collection relationships
     * gets a shared all-null {@code collections} array (only collection slots are ever written),
     * which saves an allocation per loaded child of a one-to-many.
     */
    public void initRelationships() {
        if (collections == null) {
            List<org.jalchemy.orm.mapping.RelationshipProperty> rels = mapper.relationships();
            int n = rels.size();
            boolean any = false;
            for (int i = 0; i < n && !any; i++) {
                any = rels.get(i).isCollection();
            }
            collections = any ? new CollectionState[n] : noCollections(n);
            refs = new Object[2 * n];
        }
    }

    private static final CollectionState[][] NO_COLLECTIONS = new CollectionState[16][];

    static {
        for (int n = 0; n < NO_COLLECTIONS.length; n++) {
            NO_COLLECTIONS[n] = new CollectionState[n];
        }
    }

    /** A shared array of {@code n} nulls: never written (no collection relationship indexes into it). */
    private static CollectionState[] noCollections(int n) {
        return n < NO_COLLECTIONS.length ? NO_COLLECTIONS[n] : new CollectionState[n];
    }

    /** Single reference {@code i} as the session last synchronised the other side for it (after {@link #initRelationships()}). */
    public Object seen(int i) {
        return refs[(refs.length >> 1) + i];
    }

    /** Records that the other side of single reference {@code i} was synchronised for {@code value}. */
    public void seen(int i, Object value) {
        refs[(refs.length >> 1) + i] = value;
    }

    /** A description of an object the session does not hold: transient, or detached when it has a key. */
    static InstanceStateImpl outside(Object object, Mapper<?> mapper) {
        Object id = mapper.identity(object);
        InstanceStateImpl s = new InstanceStateImpl(object, mapper, id == null ? ObjectState.TRANSIENT : ObjectState.DETACHED, null);
        s.identity = id;
        return s;
    }

    public Object object() {
        return object;
    }

    public Mapper<?> mapper() {
        return mapper;
    }

    /**
     * The state as the application sees it: {@link #state}, except that every object of a closed
     * session is detached (closing does not visit its objects; see {@link SessionImpl#close()}).
     */
    public ObjectState state() {
        return session != null && session.isClosed() ? ObjectState.DETACHED : state;
    }

    public boolean isTransient() {
        return state() == ObjectState.TRANSIENT;
    }

    public boolean isPending() {
        return state() == ObjectState.PENDING;
    }

    public boolean isPersistent() {
        return state() == ObjectState.PERSISTENT;
    }

    public boolean isDeleted() {
        return state() == ObjectState.DELETED;
    }

    public boolean isDetached() {
        return state() == ObjectState.DETACHED;
    }

    /** True when {@code session.delete(o)} was called and not yet flushed. */
    public boolean isMarkedForDeletion() {
        return markedForDeletion;
    }

    /** The identity-map key (primary key value, or a list for composite keys); null before the INSERT. */
    public Object identity() {
        return identity;
    }

    /** True when the session will reload the object's columns the next time it meets its row. */
    public boolean isExpired() {
        return expired;
    }

    /** The session holding the object, or null (also once that session is closed). */
    public SessionImpl session() {
        return session != null && session.isClosed() ? null : session;
    }

    /** Attribute names whose current value differs from the snapshot (all of them for a pending object); computed ones never count. */
    public List<String> modifiedAttributes() {
        List<String> out = new ArrayList<>();
        for (ColumnProperty p : mapper.properties()) {
            if (p.computed()) {
                continue;
            }
            if (snapshot == null || !same(snapshot[p.index()], p.get(object))) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** Current column values in mapper order. */
    public Object[] currentValues() {
        List<ColumnProperty> props = mapper.properties();
        Object[] v = new Object[props.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = props.get(i).get(object);
        }
        return mapper.hasMutableJson() ? mapper.copyMutable(v) : v; // snapshots must not share mutable JSON values
    }

    public static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    /** {@code User(id=5)} or {@code User(<pending>)}. */
    public String describe() {
        return identity == null ? mapper.entityName() + "(<no identity yet>)" : mapper.describe(identity);
    }

    @Override
    public String toString() {
        return "InstanceState[" + describe() + ", " + state() + (expired ? ", expired" : "") + "]";
    }
}
