package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.OrmEvents;
import org.jalchemy.orm.OrmEvents.EntityEvent;
import org.jalchemy.orm.internal.session.InstanceStateImpl;
import org.jalchemy.orm.internal.session.SessionImpl;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.EntityCallbacks;
import org.jalchemy.orm.mapping.EntityCallbacks.Kind;
import org.jalchemy.orm.mapping.Mapper;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/**
 * The entity events of one flush: {@code @Validates} methods and "before" callbacks/listeners run
 * in a pass before any statement (so what they change is written, and what they throw stops the
 * flush with nothing written); "after" ones run for the objects the flush's statements inserted,
 * updated and deleted, once all succeeded. Exists only when the factory has entity listeners or a
 * mapper in the session has callbacks, so flushes without them pay one check. Not thread-safe.
 */
final class FlushEvents {
    private final SessionImpl session;
    private final OrmEvents events;
    // sets: a statement group may be written in several passes (dependency levels, row-by-row retries)
    final Set<InstanceStateImpl> inserted = new LinkedHashSet<>();
    final Set<InstanceStateImpl> updated = new LinkedHashSet<>();
    final Set<InstanceStateImpl> deleted = new LinkedHashSet<>();

    private FlushEvents(SessionImpl session) {
        this.session = session;
        this.events = session.factory.events();
    }

    /** The flush's events, or null when nothing listens. */
    static FlushEvents of(SessionImpl session) {
        if (session.factory.events().hasEntityListeners()) {
            return new FlushEvents(session);
        }
        for (Mapper<?> m : session.identityMap.keySet()) { // a hierarchy's base stands for its subclasses here
            if (m.hierarchy() == null ? !m.callbacks().isEmpty() : m.hasCallbacksBelow()) {
                return new FlushEvents(session);
            }
        }
        // a superset of the pending objects' mappers (a spare one only costs a FlushEvents that fires nothing more)
        for (Mapper<?> m : session.pending.mappers()) {
            if (!m.callbacks().isEmpty()) {
                return new FlushEvents(session);
            }
        }
        return null;
    }

    /** Validators and "before" events of every object the flush will write. */
    void before() {
        for (InstanceStateImpl st : new ArrayList<>(session.pending)) {
            validate(st, true);
            fire(st, Kind.BEFORE_INSERT, EntityEvent.BEFORE_INSERT);
        }
        for (InstanceStateImpl st : new ArrayList<>(session.states.values())) {
            if (st.state == ObjectState.PERSISTENT && !st.markedForDeletion && changed(st)) {
                validate(st, false);
                fire(st, Kind.BEFORE_UPDATE, EntityEvent.BEFORE_UPDATE);
            }
        }
        for (InstanceStateImpl st : new ArrayList<>(session.toDelete)) {
            fire(st, Kind.BEFORE_DELETE, EntityEvent.BEFORE_DELETE);
        }
    }

    /** "After" events, in insert, update, delete order. */
    void after() {
        for (InstanceStateImpl st : inserted) {
            fire(st, Kind.AFTER_INSERT, EntityEvent.AFTER_INSERT);
        }
        for (InstanceStateImpl st : updated) {
            fire(st, Kind.AFTER_UPDATE, EntityEvent.AFTER_UPDATE);
        }
        for (InstanceStateImpl st : deleted) {
            fire(st, Kind.AFTER_DELETE, EntityEvent.AFTER_DELETE);
        }
    }

    private static boolean changed(InstanceStateImpl st) {
        List<ColumnProperty> props = st.mapper.properties();
        for (int i = 0; i < props.size(); i++) {
            if (!InstanceStateImpl.same(props.get(i).get(st.object), st.snapshot[i])) {
                return true;
            }
        }
        return false;
    }

    private void validate(InstanceStateImpl st, boolean all) {
        for (EntityCallbacks.Validator v : st.mapper.callbacks().validators()) {
            ColumnProperty p = v.property();
            Object value = p.get(st.object);
            if (!all && InstanceStateImpl.same(value, st.snapshot[p.index()])) {
                continue;
            }
            Object result = invoke(v.handle(), v.method(), st.object, value);
            if (v.returnsValue()) {
                p.set(st.object, result);
            }
        }
    }

    private void fire(InstanceStateImpl st, Kind kind, EntityEvent event) {
        for (MethodHandle h : st.mapper.callbacks().callbacks(kind)) {
            invoke(h, kind + " method of " + st.mapper.entityName(), st.object, null);
        }
        events.fire(event, session, st.object);
    }

    private static Object invoke(MethodHandle h, String what, Object target, Object arg) {
        try {
            return h.type().parameterCount() == 1 ? h.invoke(target) : h.invoke(target, arg);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvalidRequestError(what + " threw " + t, t);
        }
    }
}
