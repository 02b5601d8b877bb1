package org.jalchemy.orm.internal.session;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * object → state by object identity, holding the objects weakly: what a session remembers about
 * objects it let go of as transient, without keeping them alive. Entities may define
 * {@code equals}/{@code hashCode} by key, so an ordinary {@code WeakHashMap} would confuse two
 * objects for one row; this map never calls either.
 *
 * <p>Not thread-safe (belongs to its session). Cleared references are purged on every write.
 */
final class WeakIdentityStates {
    private final Map<Key, InstanceStateImpl> map = new HashMap<>();
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

    private static final class Key extends WeakReference<Object> {
        final int hash;

        Key(Object o, ReferenceQueue<Object> q) {
            super(o, q);
            hash = System.identityHashCode(o);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key k)) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == k.get();
        }
    }

    void put(Object o, InstanceStateImpl st) {
        purge();
        map.put(new Key(o, queue), st);
    }

    InstanceStateImpl get(Object o) {
        return map.get(new Key(o, null));
    }

    void remove(Object o) {
        purge();
        map.remove(new Key(o, null));
    }

    private void purge() {
        for (Object k; (k = queue.poll()) != null; ) {
            map.remove(k);
        }
    }
}
