package org.jalchemy.orm.internal.session;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One mapper's identity map in a session: primary-key value (a single value, or a {@code List}
 * for composite keys) → {@link InstanceStateImpl}, compared with {@code equals}. What a
 * {@code HashMap} would be, laid out for sessions that load hundreds of thousands of objects:
 * keys and states in two parallel arrays (open addressing, Robin Hood linear probing, at most
 * half full), so an entry costs two array slots and a saved hash code instead of a 32-byte node,
 * adding one allocates nothing, and growing copies three arrays instead of relinking nodes. Robin Hood order (within a run,
 * entries sit in the order of their home slots) lets a miss stop at the first entry closer to its
 * home than the probe is, and removal shift back only the entries displaced from their home (no
 * tombstones), so both stay short even inside long runs of occupied slots.
 *
 * <p>Slots: a key's {@code hashCode()}, folded as {@code HashMap} folds it, picks its slot, so that
 * consecutive integer keys (rows loaded in key order) land in consecutive slots: no collisions,
 * and filling, probing and growing walk memory in order. Keys that cluster instead (strides of a
 * power of two, poor hash codes) make a probe run longer than {@value #LONG_RUN} slots; the map
 * then switches for good to a multiplicative (Fibonacci) mix of the hash code, which spreads any
 * such pattern, and rehashes. Each slot keeps its key's hash code beside it, so that a probe
 * computes a resident's distance from home, compares keys only when the hash codes are equal, and
 * growing places every entry, without reading the key objects (scattered over the heap: with
 * 100,000 entries each read was a cache miss, a tenth of joined loading's time). Null keys and values are refused. Not
 * thread-safe (belongs to its session); iterators fail fast on any change, and do not remove
 * (remove by key).
 */
final class IdentityMap extends AbstractMap<Object, InstanceStateImpl> {
    private static final int MIN_CAPACITY = 16;
    /** A probe run longer than this switches the map to mixed slots. */
    static final int LONG_RUN = 24;
    private Object[] keys;
    private InstanceStateImpl[] values;
    /** Each occupied slot's key's hash code: probes, moves and growth never dereference a key to place it. */
    private int[] hashes;
    private int size;
    private int shift;
    private int mask;
    private boolean mixed;
    private int modCount;
    /** What earlier sessions' maps of this class grew to (null: plain doubling); read at growth past {@link SizeHints#FROM}. */
    private final SizeHints.Hint hint;

    IdentityMap() {
        this((SizeHints.Hint) null);
    }

    /** An empty map that, once past {@link SizeHints#FROM} entries, grows at once to the size {@code hint} expects. */
    IdentityMap(SizeHints.Hint hint) {
        this.hint = hint;
        allocate(MIN_CAPACITY);
    }

    /** An empty map with room for {@code expected} entries before it grows. */
    IdentityMap(int expected) {
        this.hint = null;
        allocate(capacityFor(expected));
    }

    private static int capacityFor(int entries) {
        long c = Math.max(MIN_CAPACITY, Long.highestOneBit(Math.max(1L, (long) entries * 2 - 1)) << 1);
        return (int) Math.min(c, 1 << 30);
    }

    /**
     * Makes room for {@code more} entries beyond the current ones at once (a flush about to insert
     * that many objects), instead of doubling step by step; a no-op when there is room already.
     */
    void reserve(int more) {
        int capacity = capacityFor(size + more);
        if (capacity > keys.length) {
            rehash(capacity);
        }
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        values = new InstanceStateImpl[capacity];
        hashes = new int[capacity];
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        mask = capacity - 1;
    }

    private int slot(int h) {
        return mixed ? (h * 0x9E3779B9) >>> shift : (h ^ (h >>> 16)) & mask;
    }

    /** True once keys clustered and slots are mixed (for tests). */
    boolean mixed() {
        return mixed;
    }

    /** How far the entry at slot {@code i} sits from its home slot. */
    private int distance(int i) {
        return (i - slot(hashes[i])) & mask;
    }

    private int find(Object key) {
        if (key == null) {
            return -1;
        }
        int h = key.hashCode();
        for (int i = slot(h), d = 0; ; i = (i + 1) & mask, d++) {
            Object k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k == key || hashes[i] == h && k.equals(key)) {
                return i;
            }
            if (distance(i) < d) {
                return -1; // Robin Hood order: the key would have been placed before this entry
            }
        }
    }

    @Override
    public InstanceStateImpl get(Object key) {
        int i = find(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public InstanceStateImpl put(Object key, InstanceStateImpl value) {
        if (key == null || value == null) {
            throw new NullPointerException("identity map keys and states cannot be null");
        }
        int found = find(key);
        if (found >= 0) {
            InstanceStateImpl old = values[found];
            values[found] = value;
            return old;
        }
        add(key, value);
        return null;
    }

    /**
     * {@link #put} of a key the caller has just failed to {@link #get} (nothing changed the map
     * since): skips the second search. Hazard: a key already in the map would be entered twice.
     */
    void putAbsent(Object key, InstanceStateImpl value) {
        if (key == null || value == null) {
            throw new NullPointerException("identity map keys and states cannot be null");
        }
        add(key, value);
    }

    private void add(Object key, InstanceStateImpl value) {
        int run = insert(key, key.hashCode(), value);
        size++;
        modCount++;
        if (size * 2 > keys.length) {
            rehash(grown());
        } else if (run > LONG_RUN && !mixed) {
            mixed = true;
            rehash(keys.length);
        }
    }

    /** The capacity to grow to: double, or the hinted size's capacity when larger (only past {@link SizeHints#FROM} entries). */
    private int grown() {
        int c = keys.length * 2;
        return hint != null && size >= SizeHints.FROM ? Math.max(c, capacityFor(hint.size())) : c;
    }

    /** A session closes: its size becomes the hint for the next session's map (large maps only). */
    void recordSize() {
        if (hint != null && size >= SizeHints.FROM) {
            hint.record(size);
        }
    }

    /** Places a key known to be absent, Robin Hood style; returns how far from home it probed. */
    private int insert(Object key, int h, InstanceStateImpl value) {
        int longest = 0;
        for (int i = slot(h), d = 0; ; i = (i + 1) & mask, d++) {
            Object k = keys[i];
            if (k == null) {
                keys[i] = key;
                values[i] = value;
                hashes[i] = h;
                return Math.max(longest, d);
            }
            int kd = distance(i);
            if (kd < d) { // the resident is closer to home: it moves on, the newcomer takes its slot
                InstanceStateImpl v = values[i];
                int kh = hashes[i];
                keys[i] = key;
                values[i] = value;
                hashes[i] = h;
                key = k;
                value = v;
                h = kh;
                longest = Math.max(longest, d);
                d = kd;
            }
        }
    }

    private void rehash(int capacity) {
        Object[] oldKeys = keys;
        InstanceStateImpl[] oldValues = values;
        int[] oldHashes = hashes;
        allocate(capacity);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                insert(oldKeys[j], oldHashes[j], oldValues[j]);
            }
        }
    }

    @Override
    public InstanceStateImpl remove(Object key) {
        int i = find(key);
        if (i < 0) {
            return null;
        }
        InstanceStateImpl old = values[i];
        deleteAt(i);
        return old;
    }

    /** Empties slot {@code i}, then moves back each following entry that is away from its home. */
    private void deleteAt(int i) {
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != null && distance(j) > 0; j = (j + 1) & mask) {
            keys[hole] = keys[j];
            values[hole] = values[j];
            hashes[hole] = hashes[j];
            hole = j;
        }
        keys[hole] = null;
        values[hole] = null;
        size--;
        modCount++;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        if (size > 0) {
            allocate(MIN_CAPACITY);
            size = 0;
            modCount++;
        }
    }

    @Override
    public Collection<InstanceStateImpl> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<InstanceStateImpl> iterator() {
                return new Cursor<>() {
                    @Override
                    InstanceStateImpl at(int i) {
                        return values[i];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public Set<Map.Entry<Object, InstanceStateImpl>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Object, InstanceStateImpl>> iterator() {
                return new Cursor<>() {
                    @Override
                    Map.Entry<Object, InstanceStateImpl> at(int i) {
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * Walks the occupied slots. Removing through an iterator is not supported (a back-shift could
     * move an entry past the cursor): remove by key.
     */
    private abstract class Cursor<T> implements Iterator<T> {
        private final int expected = modCount;
        private int next = skip(0);

        private int skip(int from) {
            while (from < keys.length && keys[from] == null) {
                from++;
            }
            return from;
        }

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < keys.length;
        }

        @Override
        public T next() {
            if (modCount != expected) {
                throw new ConcurrentModificationException();
            }
            if (next >= keys.length) {
                throw new NoSuchElementException();
            }
            int i = next;
            next = skip(next + 1);
            return at(i);
        }
    }

    @Override
    public String toString() {
        return "IdentityMap(" + size + " entries, " + keys.length + " slots)";
    }
}
