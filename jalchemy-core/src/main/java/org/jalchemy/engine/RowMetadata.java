package org.jalchemy.engine;

import org.jalchemy.exc.NoSuchColumnError;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Compiled;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column names of a result and the index of each, shared by all rows of that result. Lookup by
 * name is exact first, then case-insensitive (databases fold unquoted names); lookup by column
 * expression ({@code row.get(users.id)}) is by identity of the expression the statement selected,
 * then by the expression's name. Immutable.
 */
public final class RowMetadata {
    private final String[] names;
    private final Object[] keys;
    // Lookup maps are built on the first lookup by name or expression: most results are read by
    // index or through a typed plan, and building them per execution would dominate short queries.
    private volatile Map<String, Integer> exact;
    private Map<String, Integer> folded;
    private Map<Object, Integer> byKey;

    public RowMetadata(String[] names) {
        this(names, new Object[0]);
    }

    /** Names plus, per column, the expression that produced it (may be shorter or empty). */
    public RowMetadata(String[] names, Object[] keys) {
        this.names = names.clone();
        this.keys = keys;
    }

    private void index() {
        if (exact != null) {
            return;
        }
        Map<String, Integer> ex = new HashMap<>();
        Map<String, Integer> fo = new HashMap<>();
        Map<Object, Integer> bk = new IdentityHashMap<>();
        for (int i = 0; i < names.length; i++) {
            ex.putIfAbsent(names[i], i);
            fo.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
        }
        if (keys.length == names.length) {
            for (int i = 0; i < keys.length; i++) {
                bk.putIfAbsent(keys[i], i);
                if (keys[i] instanceof org.jalchemy.sql.Label<?> l) {
                    bk.putIfAbsent(l.element(), i);
                }
            }
        }
        folded = fo;
        byKey = bk;
        exact = ex; // last: a racing reader sees either null or complete maps
    }

    static RowMetadata of(Compiled c) {
        Compiled.ResultColumn[] cols = c.resultColumns();
        String[] n = new String[cols.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = cols[i].name();
        }
        return new RowMetadata(n, c.resultKeys());
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
        index();
        Integer i = exact.get(name);
        if (i == null) {
            i = folded.get(name.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new NoSuchColumnError("No column '" + name + "' in this row; columns are " + keys());
        }
        return i;
    }

    /**
     * Index of the result column produced by {@code column}: by identity, else by its name (a
     * table column also by {@code table_column}); raises {@link NoSuchColumnError}.
     */
    public int indexOf(ColumnElement<?> column) {
        index();
        Integer i = byKey.get(column);
        if (i != null) {
            return i;
        }
        String n = column.name();
        if (n != null) {
            i = exact.get(n);
            if (i == null) {
                i = folded.get(n.toLowerCase(Locale.ROOT));
            }
            if (i != null) {
                return i;
            }
        }
        throw new NoSuchColumnError("No column for " + (column instanceof ColumnClause<?> c ? c.toString() : column)
                + " in this row; columns are " + keys());
    }

    /** True when the row has a column called {@code name}. */
    public boolean has(String name) {
        index();
        return exact.containsKey(name) || folded.containsKey(name.toLowerCase(Locale.ROOT));
    }

    RowMetadata project(int[] indexes) {
        index();
        String[] n = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            n[i] = names[indexes[i]];
        }
        Object[] k = new Object[indexes.length];
        Object[] mine = new Object[names.length];
        boolean any = false;
        for (Map.Entry<Object, Integer> e : byKey.entrySet()) {
            if (mine[e.getValue()] == null) {
                mine[e.getValue()] = e.getKey();
                any = true;
            }
        }
        for (int i = 0; i < indexes.length; i++) {
            k[i] = mine[indexes[i]];
        }
        return new RowMetadata(n, any ? k : new Object[0]);
    }
}
