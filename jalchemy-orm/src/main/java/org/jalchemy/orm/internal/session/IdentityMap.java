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
 * keys and states in two parallel arrays (open addressing, linear probing, at most two thirds
 * full), so an entry costs two array slots instead of a 32-byte node, adding one allocates
 * nothing, and growing copies two arrays instead of relinking nodes. Removal shifts the following
 * run of entries back (no tombstones), so lookups stay short however many objects come and go.
 *
 * <p>Keys are mixed with a multiplicative (Fibonacci) hash of their {@code hashCode()}, so that
 * consecutive integer keys spread over the table. Null keys and values are refused. Not
 * thread-safe (belongs to its session); iterators fail fast on any change, and do not remove
 * (remove by key).
 */
final class IdentityMap extends AbstractMap<Object, InstanceStateImpl> {
    private static final int MIN_CAPACITY = 16;
    private Object[] keys;
    private InstanceStateImpl[] values;
    private int size;
    private int shift;
    private int modCount;

    IdentityMap() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        values = new InstanceStateImpl[capacity];
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
    }

    private int slot(Object key) {
        return (key.hashCode() * 0x9E3779B9) >>> shift;
    }

    private int find(Object key) {
        if (key == null) {
            return -1;
        }
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k == key || k.equals(key)) {
                return i;
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
        int mask = keys.length - 1;
        int i = slot(key);
        for (; ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                break;
            }
            if (k == key || k.equals(key)) {
                InstanceStateImpl old = values[i];
                values[i] = value;
                return old;
            }
        }
        keys[i] = key;
        values[i] = value;
        size++;
        modCount++;
        if (size * 3 > keys.length * 2) {
            grow();
        }
        return null;
    }

    private void grow() {
        Object[] oldKeys = keys;
        InstanceStateImpl[] oldValues = values;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Object k = oldKeys[j];
            if (k != null) {
                int i = slot(k);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
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

    /** Empties slot {@code i}, then moves back the entries after it that probing would no longer reach. */
    private void deleteAt(int i) {
        int mask = keys.length - 1;
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            // the entry at j may fill the hole when its home is not in (hole, j] (cyclically)
            boolean reachable = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!reachable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
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
