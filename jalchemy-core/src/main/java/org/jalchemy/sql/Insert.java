package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code INSERT INTO table (...) VALUES (...)} (SQLAlchemy's {@code Insert}): single row,
 * multi-row ({@link #values(List)}), from a SELECT ({@link #fromSelect}), or with no values, when
 * executed with a list of parameter maps (executemany: the columns come from the first map's keys).
 * Upserts: {@link #onConflictDoNothing}, {@link #onConflictDoUpdate}, {@link #onDuplicateKeyUpdate}.
 * Immutable.
 */
public final class Insert extends DmlBase {
    private final List<Map<ColumnClause<?>, ColumnElement<?>>> rows;
    private final List<ColumnClause<?>> selectColumns;
    private final SelectBase select;
    private final Upsert upsert;
    private final boolean executeMany;

    /**
     * An upsert clause. {@code target}: conflict columns (PostgreSQL/SQLite ON CONFLICT, MERGE ON);
     * {@code set}: assignments on conflict, empty with {@code doNothing}.
     */
    public record Upsert(List<ColumnClause<?>> target, Map<ColumnClause<?>, ColumnElement<?>> set, boolean doNothing) {
    }

    private Insert(TableClause table, List<Map<ColumnClause<?>, ColumnElement<?>>> rows, List<ColumnClause<?>> selectColumns,
                   SelectBase select, Upsert upsert, List<ColumnElement<?>> returning) {
        this(table, rows, selectColumns, select, upsert, returning, false);
    }

    private Insert(TableClause table, List<Map<ColumnClause<?>, ColumnElement<?>>> rows, List<ColumnClause<?>> selectColumns,
                   SelectBase select, Upsert upsert, List<ColumnElement<?>> returning, boolean executeMany) {
        super(table, returning);
        this.rows = rows;
        this.selectColumns = selectColumns;
        this.select = select;
        this.upsert = upsert;
        this.executeMany = executeMany;
    }

    /** True when prepared for executemany (no implicit RETURNING of the primary key). */
    public boolean isExecuteMany() {
        return executeMany;
    }

    @Override
    public Executable forExecuteMany(Set<String> keys) {
        Insert i = (Insert) forParameterKeys(keys);
        return new Insert(i.table, i.rows, i.selectColumns, i.select, i.upsert, i.returning, true);
    }

    static Insert into(TableClause table) {
        return new Insert(table, List.of(), List.of(), null, null, List.of());
    }

    /** One row of values by column name or column; values may be expressions or scalar selects. */
    public Insert values(Map<?, ?> row) {
        Map<ColumnClause<?>, ColumnElement<?>> r = resolve(row);
        if (rows.size() == 1) {
            Map<ColumnClause<?>, ColumnElement<?>> merged = new LinkedHashMap<>(rows.get(0));
            merged.putAll(r);
            r = merged;
        }
        return new Insert(table, List.of(ordered(r)), selectColumns, select,
                upsert, returning);
    }

    /** Several rows: {@code INSERT ... VALUES (...), (...)}; every row must name the same columns. */
    public Insert values(List<? extends Map<?, ?>> manyRows) {
        if (manyRows.isEmpty()) {
            throw new ArgumentError("values() needs at least one row");
        }
        List<Map<ColumnClause<?>, ColumnElement<?>>> out = new ArrayList<>();
        Set<ColumnClause<?>> keys = null;
        for (Map<?, ?> m : manyRows) {
            Map<ColumnClause<?>, ColumnElement<?>> r = ordered(resolve(m));
            if (keys == null) {
                keys = r.keySet();
            } else if (!keys.equals(r.keySet())) {
                throw new ArgumentError("Multi-row values() needs the same columns in every row: " + names(keys)
                        + " vs " + names(r.keySet()));
            }
            out.add(r);
        }
        return new Insert(table, List.copyOf(out), selectColumns, select, upsert, returning);
    }

    /** One typed value: {@code insert(users).value(users.c(NAME), "ann")}. */
    public <T> Insert value(ColumnClause<T> column, T value) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(column, value);
        return values(m);
    }

    private static String names(Set<ColumnClause<?>> cols) {
        return cols.stream().map(ColumnClause::name).toList().toString();
    }

    private Map<ColumnClause<?>, ColumnElement<?>> ordered(Map<ColumnClause<?>, ColumnElement<?>> r) {
        Map<ColumnClause<?>, ColumnElement<?>> out = new LinkedHashMap<>();
        for (ColumnClause<?> c : table.columns()) {
            if (r.containsKey(c)) {
                out.put(c, r.get(c));
            }
        }
        for (Map.Entry<ColumnClause<?>, ColumnElement<?>> e : r.entrySet()) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }

    /** {@code INSERT INTO table (columns) SELECT ...}. */
    public Insert fromSelect(List<? extends ColumnClause<?>> columns, SelectBase select) {
        List<ColumnClause<?>> cols = new ArrayList<>();
        for (ColumnClause<?> c : columns) {
            cols.add(column(c));
        }
        if (cols.size() != select.selectedColumns().size()) {
            throw new ArgumentError("fromSelect(): " + cols.size() + " columns but the select returns "
                    + select.selectedColumns().size());
        }
        return new Insert(table, List.of(), List.copyOf(cols), select, upsert, returning);
    }

    /** {@code RETURNING cols} (a CompileError where the database has none). */
    public Insert returning(ColumnsClauseRole... cols) {
        return new Insert(table, rows, selectColumns, select, upsert, expand(cols));
    }

    /** {@code ON CONFLICT (target) DO NOTHING} / MySQL {@code INSERT IGNORE}-like no-op update. */
    public Insert onConflictDoNothing(ColumnClause<?>... target) {
        return new Insert(table, rows, selectColumns, select, new Upsert(targets(target), Map.of(), true), returning);
    }

    /**
     * {@code ON CONFLICT (target) DO UPDATE SET ...}; values may use {@link Sql#excluded} for the
     * row that was being inserted.
     */
    public Insert onConflictDoUpdate(List<? extends ColumnClause<?>> target, Map<?, ?> set) {
        if (set.isEmpty()) {
            throw new ArgumentError("onConflictDoUpdate() needs at least one column to set");
        }
        return new Insert(table, rows, selectColumns, select,
                new Upsert(targets(target.toArray(ColumnClause<?>[]::new)), resolve(set), false), returning);
    }

    /** MySQL/MariaDB {@code ON DUPLICATE KEY UPDATE ...} (any unique key); the primary key is the target elsewhere. */
    public Insert onDuplicateKeyUpdate(Map<?, ?> set) {
        if (set.isEmpty()) {
            throw new ArgumentError("onDuplicateKeyUpdate() needs at least one column to set");
        }
        List<ColumnClause<?>> pk = new ArrayList<>(table.primaryKeyColumns());
        return new Insert(table, rows, selectColumns, select, new Upsert(List.copyOf(pk), resolve(set), false), returning);
    }

    private List<ColumnClause<?>> targets(ColumnClause<?>[] target) {
        List<ColumnClause<?>> out = new ArrayList<>();
        for (ColumnClause<?> c : target) {
            out.add(column(c));
        }
        return List.copyOf(out);
    }

    @Override
    public Executable forParameterKeys(Set<String> keys) {
        if (!rows.isEmpty() || select != null || keys.isEmpty()) {
            return this;
        }
        Map<ColumnClause<?>, ColumnElement<?>> r = new LinkedHashMap<>();
        for (ColumnClause<?> c : table.columns()) {
            if (keys.contains(c.name())) {
                r.put(c, BindParameter.named(c.name(), c.type()));
            }
        }
        if (r.size() != keys.size()) {
            List<String> unknown = keys.stream().filter(k -> table.columns().stream().noneMatch(c -> c.name().equals(k)))
                    .toList();
            throw new ArgumentError("Unconsumed column names " + unknown + " for INSERT into " + table.describe());
        }
        return new Insert(table, List.of(r), selectColumns, select, upsert, returning);
    }

    @Override
    public Executable expandMany(List<? extends Map<String, ?>> parameterSets) {
        if (select != null || (!rows.isEmpty() && !executeMany)) {
            return null;
        }
        Insert plain = new Insert(table, List.of(), selectColumns, select, upsert, returning, false);
        return plain.values(parameterSets);
    }

    public List<Map<ColumnClause<?>, ColumnElement<?>>> rows() {
        return rows;
    }

    public List<ColumnClause<?>> selectColumns() {
        return selectColumns;
    }

    public SelectBase select() {
        return select;
    }

    public Upsert upsert() {
        return upsert;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitInsert(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Insert.class).add(table).add(executeMany).add(rows.size());
        for (Map<ColumnClause<?>, ColumnElement<?>> r : rows) {
            k.add(r.size());
            for (Map.Entry<ColumnClause<?>, ColumnElement<?>> e : r.entrySet()) {
                k.add(e.getKey().name()).add(e.getKey().type()).add(e.getValue());
            }
        }
        k.addAll(selectColumns).add(select).addAll(returning);
        if (upsert != null) {
            k.add(upsert.doNothing()).addAll(upsert.target()).add(upsert.set().size());
            for (Map.Entry<ColumnClause<?>, ColumnElement<?>> e : upsert.set().entrySet()) {
                k.add(e.getKey().name()).add(e.getValue());
            }
        }
    }
}
