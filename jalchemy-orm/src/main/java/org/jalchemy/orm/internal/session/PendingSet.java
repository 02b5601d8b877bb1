package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.InstanceState;
import org.jalchemy.orm.mapping.Mapper;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The session's pending states in the order they were added: what a {@code LinkedHashSet} would
 * be, without hashing. Each state records its position ({@code InstanceState.pendingSlot}), so
 * {@code add}, {@code remove} and {@code contains} are O(1); removal leaves a hole, compacted
 * when holes outnumber members.
 *
 * <p>A state is in at most one such set (its session's); its {@code pendingSlot} means something
 * only while {@code items[pendingSlot] == state}, so a stale one is harmless. {@link #mappers()}
 * is a superset of the members' mappers (emptied only when the set empties), so a flush can ask
 * "might a pending object be of a class with callbacks?" without visiting every member. Not thread-safe,
 * like the session. Iterators support {@code remove()} and fail on other concurrent changes.
 */
public final class PendingSet extends AbstractSet<InstanceStateImpl> {
    private InstanceStateImpl[] items = new InstanceStateImpl[16];
    private int end;
    private int size;
    private int modCount;
    /** Mappers of objects added since the set was last empty (a superset of the members' mappers). */
    private final Set<Mapper<?>> mappers = new HashSet<>();
    private Mapper<?> lastMapper;

    @Override
    public boolean add(InstanceStateImpl st) {
        if (contains(st)) {
            return false;
        }
        if (end == items.length) {
            if (end - size > size) {
                compact();
            } else {
                items = Arrays.copyOf(items, items.length * 2);
            }
        }
        if (st.mapper != lastMapper) { // objects come in runs of one class: one hash lookup per run
            lastMapper = st.mapper;
            mappers.add(st.mapper);
        }
        st.pendingSlot = end;
        items[end++] = st;
        size++;
        modCount++;
        return true;
    }

    /** Makes room for {@code more} members beyond the current ones at once ({@code addAll} of a collection). */
    public void reserve(int more) {
        if (end + more > items.length) {
            items = Arrays.copyOf(items, end + more);
        }
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof InstanceStateImpl st && st.pendingSlot >= 0 && st.pendingSlot < end && items[st.pendingSlot] == st;
    }

    @Override
    public boolean remove(Object o) {
        if (!contains(o)) {
            return false;
        }
        InstanceStateImpl st = (InstanceStateImpl) o;
        items[st.pendingSlot] = null;
        st.pendingSlot = -1;
        size--;
        modCount++;
        if (size == 0) {
            end = 0;
            forgetMappers();
        }
        return true;
    }

    @Override
    public void clear() {
        if (end > 0) {
            items = new InstanceStateImpl[16];
            end = 0;
            size = 0;
            modCount++;
        }
        forgetMappers();
    }

    /**
     * The mappers of the objects in this set, and possibly of objects that left it since it was
     * last empty (never fewer). Read only.
     */
    public Set<Mapper<?>> mappers() {
        return mappers;
    }

    private void forgetMappers() {
        if (!mappers.isEmpty()) {
            mappers.clear();
        }
        lastMapper = null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<InstanceStateImpl> iterator() {
        return new Iterator<>() {
            private int expected = modCount;
            private int next = skip(0);
            private int last = -1;

            private int skip(int from) {
                while (from < end && items[from] == null) {
                    from++;
                }
                return from;
            }

            @Override
            public boolean hasNext() {
                return next < end;
            }

            @Override
            public InstanceStateImpl next() {
                if (modCount != expected) {
                    throw new ConcurrentModificationException();
                }
                if (next >= end) {
                    throw new NoSuchElementException();
                }
                last = next;
                next = skip(next + 1);
                return items[last];
            }

            @Override
            public void remove() {
                if (last < 0 || items[last] == null) {
                    throw new IllegalStateException();
                }
                if (modCount != expected) {
                    throw new ConcurrentModificationException();
                }
                InstanceStateImpl st = items[last];
                items[last] = null; // no compaction while iterating: positions stay put
                st.pendingSlot = -1;
                size--;
                expected = ++modCount;
                last = -1;
            }
        };
    }

    private void compact() {
        int j = 0;
        for (int i = 0; i < end; i++) {
            InstanceStateImpl st = items[i];
            if (st != null) {
                st.pendingSlot = j;
                items[j++] = st;
            }
        }
        Arrays.fill(items, j, end, null);
        end = j;
    }
}
