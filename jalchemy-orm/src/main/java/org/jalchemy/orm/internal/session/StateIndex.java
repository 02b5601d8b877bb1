package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.InstanceState;
import org.jalchemy.orm.mapping.Mapper;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A session's object → {@link InstanceState} map (what an {@code IdentityHashMap} would be),
 * shaped so that loading many objects costs no identity hashing.
 *
 * <p>States live in an array in the order they entered (each knows its slot, so removal is
 * O(1) and leaves a hole, compacted when holes outnumber states). Lookup by object first tries
 * the session's identity map: the object's mapper and current primary-key fields give a key, and
 * a state there whose object is the very same object is the answer. Only when that misses (pending
 * objects, deleted ones, an unmapped class, a key changed in memory, no key) is an
 * {@link IdentityTable} over every state built, once, and kept up to date from then on. A
 * session that only loads objects never builds it; one that adds objects builds it at the first
 * {@code add}, which is what a plain map would have cost anyway.
 *
 * <p>Invariant relied on: every state in the session's identity map is in this index (the
 * session puts a state here before or together with its identity-map entry and removes it from
 * both). A state belongs to at most one index; its {@code slot} is meaningful only while
 * {@code slots[slot] == state}. Not thread-safe, like the session; iterating
 * {@link #values()} while the index changes raises {@link ConcurrentModificationException}.
 */
public final class StateIndex {
    private final Map<Mapper<?>, Map<Object, InstanceStateImpl>> identityMap;
    private InstanceStateImpl[] slots = new InstanceStateImpl[16];
    private int end;
    private int size;
    private int modCount;
    private IdentityTable byObject;
    /** The number of states {@link #byObject} was sized for (it resizes itself beyond that). */
    private int indexSizedFor;
    private int reserved;
    /** What earlier sessions held; read when the slots grow past {@link SizeHints#FROM}. */
    private final SizeHints.Hint hint;

    public StateIndex(Map<Mapper<?>, Map<Object, InstanceStateImpl>> identityMap) {
        this(identityMap, null);
    }

    /** An index whose slots, once past {@link SizeHints#FROM}, grow at once to what {@code hint} (nullable) expects. */
    StateIndex(Map<Mapper<?>, Map<Object, InstanceStateImpl>> identityMap, SizeHints.Hint hint) {
        this.identityMap = identityMap;
        this.hint = hint;
    }

    public InstanceStateImpl get(Object object) {
        if (size == 0) {
            return null;
        }
        if (byObject == null) {
            InstanceStateImpl st = fromIdentityMap(object);
            if (st != null) {
                return st;
            }
            buildIndex();
        }
        return byObject.get(object);
    }

    public boolean containsKey(Object object) {
        return get(object) != null;
    }

    /** Adds {@code st} (whose object is {@code object}); a no-op when it is already in. */
    public void put(Object object, InstanceStateImpl st) {
        if (st.object != object) {
            throw new IllegalArgumentException("state " + st + " is not the state of " + object);
        }
        if (st.slot >= 0 && st.slot < end && slots[st.slot] == st) {
            return;
        }
        if (end == slots.length) {
            int grown = slots.length * 2;
            if (hint != null && end >= SizeHints.FROM) {
                grown = Math.max(grown, hint.size() + 1);
            }
            slots = Arrays.copyOf(slots, grown);
        }
        st.slot = end;
        slots[end++] = st;
        size++;
        modCount++;
        if (byObject != null) {
            byObject.put(object, st);
        }
    }

    public InstanceStateImpl remove(Object object) {
        InstanceStateImpl st = get(object);
        if (st != null) {
            removeState(st);
        }
        return st;
    }

    /** Removes {@code st} when this index holds it: {@link #remove} without the lookup. */
    public void removeState(InstanceStateImpl st) {
        if (st.slot < 0 || st.slot >= end || slots[st.slot] != st) {
            return;
        }
        slots[st.slot] = null;
        st.slot = -1;
        size--;
        modCount++;
        if (byObject != null) {
            byObject.remove(st.object);
        }
        if (end - size > size && end > 64) {
            compact();
        }
    }

    /** Empties the index; the states' slot numbers go stale, which {@link #put} tolerates. */
    public void clear() {
        if (hint != null && size >= SizeHints.FROM) {
            hint.record(size);
        }
        slots = new InstanceStateImpl[16];
        end = 0;
        size = 0;
        modCount++;
        byObject = null;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Every state, in the order they entered; no changes to the index while iterating. */
    public Collection<InstanceStateImpl> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<InstanceStateImpl> iterator() {
                return new Iterator<>() {
                    private final int expected = modCount;
                    private int i = skip(0);

                    private int skip(int from) {
                        while (from < end && slots[from] == null) {
                            from++;
                        }
                        return from;
                    }

                    @Override
                    public boolean hasNext() {
                        return i < end;
                    }

                    @Override
                    public InstanceStateImpl next() {
                        if (modCount != expected) {
                            throw new ConcurrentModificationException();
                        }
                        if (i >= end) {
                            throw new NoSuchElementException();
                        }
                        InstanceStateImpl st = slots[i];
                        i = skip(i + 1);
                        return st;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The state of {@code object} found through its key, or null (which proves nothing). */
    private InstanceStateImpl fromIdentityMap(Object object) {
        for (Map.Entry<Mapper<?>, Map<Object, InstanceStateImpl>> e : identityMap.entrySet()) {
            Mapper<?> m = e.getKey();
            // a hierarchy's objects share its base's map: the object may be of a subclass
            if (m.type() == object.getClass() || m.hierarchy() != null && m.type().isInstance(object)
                    && Mapper.forObject(object).identityBase() == m) {
                Object id = m.identity(object);
                InstanceStateImpl st = id == null ? null : e.getValue().get(id);
                return st != null && st.object == object ? st : null;
            }
        }
        return null;
    }

    /**
     * Announces that about {@code more} states are coming ({@code addAll} of a collection), so the
     * full index, which new objects need, is sized once instead of growing step by step.
     */
    public void reserve(int more) {
        reserved = more;
        if (end + more > slots.length) {
            slots = Arrays.copyOf(slots, end + more);
        }
        if (byObject != null && size + more > indexSizedFor) {
            buildIndex();
        }
    }

    private void buildIndex() {
        indexSizedFor = Math.max(32, size + reserved);
        reserved = 0;
        byObject = new IdentityTable(indexSizedFor);
        for (int i = 0; i < end; i++) {
            if (slots[i] != null) {
                byObject.put(slots[i].object, slots[i]);
            }
        }
    }

    private void compact() {
        int j = 0;
        for (int i = 0; i < end; i++) {
            InstanceStateImpl st = slots[i];
            if (st != null) {
                st.slot = j;
                slots[j++] = st;
            }
        }
        Arrays.fill(slots, j, end, null);
        end = j;
        if (slots.length > 64 && end < slots.length / 4) {
            slots = Arrays.copyOf(slots, Math.max(16, end * 2));
        }
    }
}
