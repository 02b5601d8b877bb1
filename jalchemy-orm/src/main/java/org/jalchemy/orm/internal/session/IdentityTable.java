package org.jalchemy.orm.internal.session;

/**
 * Object → state by object identity: the lookup behind {@link StateIndex} once a session holds
 * objects it cannot find through their keys (pending ones above all).
 *
 * <p>Why not {@code IdentityHashMap}: that map interleaves keys and values in one array, so a
 * probe for an object that is not there (every {@code session.add} of a new object asks first)
 * walks twice the memory; here keys and states are parallel arrays and a miss reads keys only.
 * Linear probing, at most three quarters full, power-of-two capacity; removal shifts the
 * following run back (no tombstones, so lookups never slow down after many removals).
 *
 * <p>Keys are never null. Not thread-safe, like the session.
 */
final class IdentityTable {
    private Object[] keys;
    private InstanceStateImpl[] states;
    private int size;

    /** A table that holds {@code entries} without growing. */
    IdentityTable(int entries) {
        int capacity = capacityFor(entries);
        keys = new Object[capacity];
        states = new InstanceStateImpl[capacity];
    }

    /** Slots for {@code entries} at most three quarters full: a power of two, at least 16. */
    static int capacityFor(int entries) {
        long needed = Math.max(16L, (entries * 4L + 2) / 3);
        long capacity = Long.highestOneBit(needed - 1) << 1;
        if (capacity > 1 << 30) {
            throw new IllegalStateException("too many objects in one session: " + entries);
        }
        return (int) capacity;
    }

    int size() {
        return size;
    }

    InstanceStateImpl get(Object key) {
        Object[] ks = keys;
        int mask = ks.length - 1;
        for (int i = slotOf(key, mask); ; i = (i + 1) & mask) {
            Object k = ks[i];
            if (k == key) {
                return states[i];
            }
            if (k == null) {
                return null;
            }
        }
    }

    /** Maps {@code key} to {@code st}, replacing what it mapped to. */
    void put(Object key, InstanceStateImpl st) {
        int mask = keys.length - 1;
        int i = slotOf(key, mask);
        for (Object k = keys[i]; k != null; k = keys[i]) {
            if (k == key) {
                states[i] = st;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        states[i] = st;
        if (++size * 4L > keys.length * 3L) {
            rehash(keys.length * 2);
        }
    }

    void remove(Object key) {
        int mask = keys.length - 1;
        int i = slotOf(key, mask);
        for (Object k = keys[i]; k != key; k = keys[i]) {
            if (k == null) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        // shift back every following entry of the run whose home slot is not between the hole and it
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = slotOf(keys[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                states[hole] = states[j];
                hole = j;
            }
        }
        keys[hole] = null;
        states[hole] = null;
    }

    private void rehash(int capacity) {
        Object[] oldKeys = keys;
        InstanceStateImpl[] oldStates = states;
        keys = new Object[capacity];
        states = new InstanceStateImpl[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Object k = oldKeys[j];
            if (k != null) {
                int i = slotOf(k, mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                states[i] = oldStates[j];
            }
        }
    }

    private static int slotOf(Object key, int mask) {
        int h = System.identityHashCode(key);
        return (h ^ (h >>> 16)) & mask;
    }

    @Override
    public String toString() {
        return "IdentityTable[" + size + " of " + keys.length + "]";
    }
}
