package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement that returns rows: {@link Select} or {@link CompoundSelect} (SQLAlchemy's
 * {@code SelectBase}). Turns into a subquery, a scalar value, an EXISTS, a CTE, or a UNION.
 */
public abstract class SelectBase extends StatementBase {

    SelectBase() {
    }

    /** The result columns, with tables expanded to their columns. */
    public abstract List<ColumnElement<?>> selectedColumns();

    /** Rows fetched per round trip when streaming (0: driver default); not part of the cache key. */
    public abstract int fetchSize();

    /**
     * Result column names as a subquery exports them: a column's or label's name, a function's
     * name, else {@code anon}; duplicates get {@code _1}, {@code _2} suffixes.
     */
    static List<String> exportedNames(List<ColumnElement<?>> cols) {
        List<String> out = new ArrayList<>(cols.size());
        Map<String, Integer> seen = new HashMap<>();
        for (ColumnElement<?> c : cols) {
            String n = c.name();
            if (n == null) {
                n = "anon";
            }
            Integer count = seen.get(n);
            if (count == null) {
                seen.put(n, 0);
                out.add(n.equals("anon") ? "anon_1" : n);
                if (n.equals("anon")) {
                    seen.put(n, 1);
                }
            } else {
                String candidate;
                do {
                    count++;
                    candidate = n + "_" + count;
                } while (seen.containsKey(candidate));
                seen.put(n, count);
                out.add(candidate);
            }
        }
        return out;
    }

    /** A subquery usable in FROM, named by the compiler. */
    public Alias subquery() {
        return new Alias(this, null, false);
    }

    /** A subquery usable in FROM: {@code (SELECT ...) AS name}. */
    public Alias subquery(String name) {
        return new Alias(this, name, false);
    }

    /** Same as {@link #subquery(String)}. */
    public Alias alias(String name) {
        return subquery(name);
    }

    /** A LATERAL subquery (PostgreSQL, MySQL 8); a CompileError elsewhere. */
    public Alias lateral(String name) {
        return new Alias(this, name, true);
    }

    /** {@code WITH name AS (this)}. */
    public CTE cte(String name) {
        return new CTE(this, name, false);
    }

    /** {@code WITH RECURSIVE name AS (this ...)}; complete it with {@link CTE#unionAll}. */
    public CTE cte(String name, boolean recursive) {
        return new CTE(this, name, recursive);
    }

    /** This one-column SELECT as a value. */
    @SuppressWarnings("unchecked")
    public <T> ScalarSelect<T> scalarSubquery() {
        List<ColumnElement<?>> cols = selectedColumns();
        if (cols.size() != 1) {
            throw new ArgumentError("A scalar subquery must select exactly one column; this one selects " + cols.size());
        }
        return new ScalarSelect<>(this, (SqlType<T>) cols.get(0).type());
    }

    /** {@code EXISTS (this)}. */
    public ColumnElement<Boolean> exists() {
        return new UnaryExpression<>(this, UnaryExpression.Kind.EXISTS, ExprTypes.BOOLEAN);
    }

    /** The scalar subquery labelled {@code name}. */
    public <T> Label<T> label(String name) {
        return this.<T>scalarSubquery().label(name);
    }

    public CompoundSelect union(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.UNION, this, others);
    }

    public CompoundSelect unionAll(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.UNION_ALL, this, others);
    }

    public CompoundSelect intersect(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.INTERSECT, this, others);
    }

    public CompoundSelect except(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.EXCEPT, this, others);
    }
}
