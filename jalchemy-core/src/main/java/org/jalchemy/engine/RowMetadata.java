package org.jalchemy.engine;

import org.jalchemy.exc.NoSuchColumnError;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column names of a result and the index of each, shared by all rows of that result.
 * Lookup by name is exact first, then case-insensitive (databases fold unquoted names).
 * Immutable.
 */
public final class RowMetadata {
    private final String[] names;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    public RowMetadata(String[] names) {
        this.names = names.clone();
        for (int i = 0; i < names.length; i++) {
            exact.putIfAbsent(names[i], i);
            folded.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
        }
    }

    /** Column labels in order. */
    public List<String> keys() {
        return List.of(names);
    }

    public int size() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    /** Index of {@code name}; raises {@link NoSuchColumnError} listing the available names. */
    public int indexOf(String name) {
        Integer i = exact.get(name);
        if (i == null) {
            i = folded.get(name.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new NoSuchColumnError("No column '" + name + "' in this row; columns are " + keys());
        }
        return i;
    }

    /** True when the row has a column called {@code name}. */
    public boolean has(String name) {
        return exact.containsKey(name) || folded.containsKey(name.toLowerCase(Locale.ROOT));
    }
}
