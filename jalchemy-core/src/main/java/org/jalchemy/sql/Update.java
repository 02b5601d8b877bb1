package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code UPDATE table SET ... WHERE ...} (SQLAlchemy's {@code Update}). Other tables referenced by
 * the WHERE clause become {@code UPDATE ... FROM} (PostgreSQL, SQLite) or a multi-table UPDATE
 * (MySQL). Values may be expressions, including correlated scalar subqueries. Immutable.
 */
public final class Update extends DmlBase {
    private final Map<ColumnClause<?>, ColumnElement<?>> values;
    private final List<ColumnElement<?>> where;

    private Update(TableClause table, Map<ColumnClause<?>, ColumnElement<?>> values, List<ColumnElement<?>> where,
                   List<ColumnElement<?>> returning) {
        super(table, returning);
        this.values = values;
        this.where = where;
    }

    static Update of(TableClause table) {
        return new Update(table, Map.of(), List.of(), List.of());
    }

    /** SET assignments by column name or column (merged with earlier ones). */
    public Update values(Map<?, ?> set) {
        Map<ColumnClause<?>, ColumnElement<?>> m = new LinkedHashMap<>(values);
        m.putAll(resolve(set));
        return new Update(table, m, where, returning);
    }

    /** One typed assignment: {@code update(users).set(users.c(NAME), "bob")}. */
    public <T> Update set(ColumnClause<T> column, T value) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(column, value);
        return values(m);
    }

    /** One assignment to an expression: {@code set(col, col.add(1))}. */
    public <T> Update set(ColumnClause<T> column, ColumnElement<? extends T> value) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(column, value);
        return values(m);
    }

    @SafeVarargs
    public final Update where(ColumnElement<Boolean>... criteria) {
        List<ColumnElement<?>> w = new ArrayList<>(where);
        for (ColumnElement<Boolean> c : criteria) {
            w.add(FromClause.required(c, "where() criterion"));
        }
        return new Update(table, values, List.copyOf(w), returning);
    }

    @SafeVarargs
    public final Update filter(ColumnElement<Boolean>... criteria) {
        return where(criteria);
    }

    public Update returning(ColumnsClauseRole... cols) {
        return new Update(table, values, where, expand(cols));
    }

    /** For executemany without explicit values: SET every named parameter that is a column and not used in WHERE. */
    @Override
    public Executable forParameterKeys(Set<String> keys) {
        if (!values.isEmpty() || keys.isEmpty()) {
            return this;
        }
        Map<ColumnClause<?>, ColumnElement<?>> m = new LinkedHashMap<>();
        for (ColumnClause<?> c : table.columns()) {
            if (keys.contains(c.name())) {
                m.put(c, BindParameter.named(c.name(), c.type()));
            }
        }
        return new Update(table, m, where, returning);
    }

    public Map<ColumnClause<?>, ColumnElement<?>> valuesMap() {
        return values;
    }

    public List<ColumnElement<?>> whereCriteria() {
        return where;
    }

    /** Tables other than the target that the WHERE clause refers to. */
    public List<FromClause> extraFroms() {
        Set<FromClause> s = new LinkedHashSet<>();
        for (ColumnElement<?> w : where) {
            w.collectFroms(s);
        }
        s.remove(table);
        return new ArrayList<>(s);
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitUpdate(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Update.class).add(table).add(values.size());
        for (Map.Entry<ColumnClause<?>, ColumnElement<?>> e : values.entrySet()) {
            k.add(e.getKey().name()).add(e.getKey().type()).add(e.getValue());
        }
        k.addAll(where).addAll(returning);
    }
}
