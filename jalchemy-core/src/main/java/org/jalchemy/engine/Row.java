package org.jalchemy.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One result row: values by index and by column name (SQLAlchemy's {@code Row}, which is both a
 * tuple and a mapping). Immutable snapshot: reading it never touches the database.
 *
 * <p>It is every row shape at once ({@link org.jalchemy.sql.Tuple}, hence {@code Row1} ...
 * {@code Row8}): a typed statement's rows ({@link Connection#rows}) are these same objects seen
 * through the statement's type, so typing costs nothing per row.
 */
public final class Row implements org.jalchemy.sql.Tuple {
    private final RowMetadata metadata;
    private final Object[] values;

    Row(RowMetadata metadata, Object[] values) {
        this.metadata = metadata;
        this.values = values;
    }

    /** Value at {@code index} (0-based). */
    @Override
    public Object get(int index) {
        return values[index];
    }

    /** Value of the column labelled {@code name}; unknown names raise {@code NoSuchColumnError}. */
    public Object get(String name) {
        return values[metadata.indexOf(name)];
    }

    /** Value of the result column produced by {@code column} ({@code row.get(users.id)} is an Integer). */
    @SuppressWarnings("unchecked")
    public <T> T get(org.jalchemy.sql.ColumnElement<T> column) {
        return (T) values[metadata.indexOf(column)];
    }

    /** Value at {@code index} cast to {@code type}; raises {@code ClassCastException} naming both if it is not one. */
    public <T> T get(int index, Class<T> type) {
        return type.cast(values[index]);
    }

    public <T> T get(String name, Class<T> type) {
        return type.cast(get(name));
    }

    @Override
    public int size() {
        return values.length;
    }

    public RowMetadata metadata() {
        return metadata;
    }

    /** The values as a new array. */
    public Object[] toArray() {
        return values.clone();
    }

    /** Column label to value, in column order (SQLAlchemy's {@code row._mapping}). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.putIfAbsent(metadata.name(i), values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(EchoLog.render(values[i]));
        }
        if (values.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }
}
