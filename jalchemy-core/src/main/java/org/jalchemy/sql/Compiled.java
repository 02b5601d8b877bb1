package org.jalchemy.sql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A statement compiled for one dialect: SQL text with {@code ?} placeholders, where each
 * placeholder's value comes from, and the declared result columns. Immutable and shared between
 * threads through the engine's compiled cache, so it holds no bound values itself.
 *
 * @param sql           the SQL text sent to the driver
 * @param slots         one per {@code ?}, in order
 * @param resultColumns declared result columns (name and type), or an empty array when the result
 *                      shape is only known from the driver's metadata
 * @param dialect       the dialect it was compiled for
 * @param isQuery       true when the statement returns rows (SELECT, or DML with RETURNING)
 * @param resultKeys    per result column, the expression that produced it (for {@code row.get(column)}),
 *                      from the statement first compiled; empty when unknown. Lookups must fall back
 *                      to names, since a later statement with the same cache key may hold other
 *                      (equal) expression objects.
 * @param tables        the tables the statement names anywhere (FROM, JOIN, subqueries, the DML target),
 *                      lower case and without schema, for listeners that track what a transaction read or
 *                      wrote (the query-result cache); {@code null} when unknown ({@code text()} other than a
 *                      plain INSERT/UPDATE/DELETE, driver SQL). Coarse by design: a false positive costs an
 *                      extra invalidation, a missing table would serve stale cached rows.
 */
public record Compiled(String sql, BindSlot[] slots, ResultColumn[] resultColumns, Dialect dialect, boolean isQuery,
                       Object[] resultKeys, KeyFetch keyFetch, java.util.Set<String> tables) {

    /** A compiled statement whose tables are unknown. */
    public Compiled(String sql, BindSlot[] slots, ResultColumn[] resultColumns, Dialect dialect, boolean isQuery,
                    Object[] resultKeys, KeyFetch keyFetch) {
        this(sql, slots, resultColumns, dialect, isQuery, resultKeys, keyFetch, null);
    }

    /**
     * How a single-row INSERT reports the primary key it created when the statement has no
     * RETURNING of its own (SQLAlchemy's {@code inserted_primary_key}): not at all, through an
     * implicit {@code RETURNING pk} (the result columns are then the key columns and the statement
     * is run as a query, but reported as DML), or through JDBC generated keys.
     */
    public enum KeyFetch { NONE, RETURNING, GENERATED_KEYS }

    /** A compiled statement whose result columns are known by name only. */
    public Compiled(String sql, BindSlot[] slots, ResultColumn[] resultColumns, Dialect dialect, boolean isQuery) {
        this(sql, slots, resultColumns, dialect, isQuery, new Object[0], KeyFetch.NONE);
    }

    /**
     * Where one placeholder's value comes from: either {@code valueIndex >= 0}, an index into the
     * executing statement's {@link Executable#boundValues()}, or a {@code name} looked up in the
     * execution parameters. {@code type} binds the value (null: let the driver infer it).
     */
    public record BindSlot(String name, int valueIndex, SqlType<?> type) {
        public static BindSlot named(String name, SqlType<?> type) {
            return new BindSlot(name, -1, type);
        }

        public static BindSlot embedded(int valueIndex, String name, SqlType<?> type) {
            return new BindSlot(name, valueIndex, type);
        }
    }

    /** A declared result column: its label and its type (null: read whatever the driver returns). */
    public record ResultColumn(String name, SqlType<?> type) {
    }

    /**
     * Resolves the positional values for one execution.
     *
     * @param embedded the statement's {@link Executable#boundValues()}
     * @param params   execution parameters by name (may be empty)
     */
    public Object[] values(Object[] embedded, Map<String, ?> params) {
        return values(embedded, params, false);
    }

    /** As {@link #values(Object[], Map)}; {@code lenient} leaves missing named values null (for display). */
    public Object[] values(Object[] embedded, Map<String, ?> params, boolean lenient) {
        Object[] out = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            BindSlot s = slots[i];
            if (s.valueIndex >= 0 && (params.isEmpty() || !params.containsKey(s.name))) {
                out[i] = embedded[s.valueIndex];
            } else {
                Object v = params.get(s.name); // one lookup when present; containsKey only tells a null value from none
                if (v != null || params.containsKey(s.name)) {
                    out[i] = v;
                } else if (!lenient) {
                    throw new org.jalchemy.exc.ArgumentError("A value is required for bind parameter '" + s.name
                            + "' of statement: " + sql);
                }
            }
        }
        return out;
    }

    /** Names of the named parameters, in placeholder order (for messages and tests). */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(slots.length);
        for (BindSlot s : slots) {
            names.add(s.name);
        }
        return names;
    }

    @Override
    public String toString() {
        return sql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Compiled c && sql.equals(c.sql) && Arrays.equals(slots, c.slots);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }
}
