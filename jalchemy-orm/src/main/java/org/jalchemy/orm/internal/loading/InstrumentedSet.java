package org.jalchemy.orm.internal.loading;

import java.util.AbstractSet;
import java.util.Iterator;

/**
 * The {@code Set} a session puts into a {@code Set} relationship field; see {@link InstrumentedList}
 * for loading and events. Not thread-safe.
 */
public final class InstrumentedSet<E> extends AbstractSet<E> {
    private final CollectionState state;

    InstrumentedSet(CollectionState state) {
        this.state = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<E> iterator() {
        state.beforeRead();
        Iterator<Object> it = state.elements.iterator();
        return new Iterator<>() {
            private Object last;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                last = it.next();
                return (E) last;
            }

            @Override
            public void remove() {
                it.remove();
                state.afterRemove(last);
            }
        };
    }

    @Override
    public int size() {
        state.beforeRead();
        return state.elements.size();
    }

    @Override
    public boolean contains(Object o) {
        state.beforeRead();
        return state.elements.contains(o);
    }

    @Override
    public boolean add(E e) {
        state.beforeWrite();
        if (state.elements.add(e)) {
            state.afterAdd(e);
            return true;
        }
        return false;
    }

    @Override
    public boolean remove(Object o) {
        state.beforeWrite();
        if (state.elements.remove(o)) {
            state.afterRemove(o);
            return true;
        }
        if (state.writeOnly) {
            state.writeOnlyRemoved(o);
            return true;
        }
        return false;
    }

    /** True when loaded (reading it runs no query). */
    public boolean isLoaded() {
        return state.loaded;
    }

    @Override
    public String toString() {
        return state.loaded ? super.toString() : "[<not loaded: " + state.rel.where() + ">]";
    }
}
