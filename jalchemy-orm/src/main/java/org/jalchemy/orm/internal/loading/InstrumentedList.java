package org.jalchemy.orm.internal.loading;

import org.jalchemy.orm.DetachedInstanceError;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The {@code List} a session puts into a one-to-many or many-to-many field: loads on first access
 * (per the relationship's loader), and tells the session about every add and remove so the other
 * side stays in sync and new objects are cascaded into the session. Backed by a
 * {@link CollectionState}; not thread-safe. After the session closes, a loaded list keeps working
 * as a plain list; an unloaded one raises {@link DetachedInstanceError} on access.
 */
public final class InstrumentedList<E> extends AbstractList<E> implements RandomAccess {
    private final CollectionState state;

    InstrumentedList(CollectionState state) {
        this.state = state;
    }

    @SuppressWarnings("unchecked")
    private List<E> list() {
        return (List<E>) state.elements;
    }

    @Override
    public E get(int index) {
        state.beforeRead();
        return list().get(index);
    }

    @Override
    public int size() {
        state.beforeRead();
        return list().size();
    }

    @Override
    public E set(int index, E element) {
        state.beforeWrite();
        E old = list().set(index, element);
        state.afterRemove(old);
        state.afterAdd(element);
        return old;
    }

    @Override
    public boolean add(E element) {
        state.beforeWrite();
        list().add(element);
        modCount++;
        state.afterAdd(element);
        return true;
    }

    @Override
    public void add(int index, E element) {
        state.beforeWrite();
        if (state.writeOnly) {
            list().add(element);
        } else {
            list().add(index, element);
        }
        modCount++;
        state.afterAdd(element);
    }

    @Override
    public E remove(int index) {
        state.beforeWrite();
        E old = list().remove(index);
        modCount++;
        state.afterRemove(old);
        return old;
    }

    @Override
    public boolean remove(Object o) {
        state.beforeWrite();
        int i = list().indexOf(o);
        if (i < 0) {
            if (state.writeOnly) { // removing what was never loaded: recorded for the flush
                state.writeOnlyRemoved(o);
                return true;
            }
            return false;
        }
        remove(i);
        return true;
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
