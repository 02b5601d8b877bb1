package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared parts of INSERT, UPDATE and DELETE: the target table, RETURNING columns, and turning
 * {@code column -> value} maps into bound parameters typed by the column (a value of the wrong
 * Java type is an {@code ArgumentError} when the statement is built).
 */
public abstract class DmlBase extends StatementBase {
    final TableClause table;
    final List<ColumnElement<?>> returning;

    DmlBase(TableClause table, List<ColumnElement<?>> returning) {
        this.table = FromClause.required(table, "DML target table");
        this.returning = returning;
    }

    public TableClause table() {
        return table;
    }

    /** RETURNING columns (empty when none). */
    public List<ColumnElement<?>> returningColumns() {
        return returning;
    }

    static List<ColumnElement<?>> expand(ColumnsClauseRole... cols) {
        List<ColumnElement<?>> out = new ArrayList<>();
        for (ColumnsClauseRole r : cols) {
            if (r instanceof FromClause f) {
                out.addAll(f.columns());
            } else {
                out.add((ColumnElement<?>) r);
            }
        }
        return List.copyOf(out);
    }

    /** Resolves column names to this table's columns and values to bound parameters. */
    Map<ColumnClause<?>, ColumnElement<?>> resolve(Map<?, ?> values) {
        Map<ColumnClause<?>, ColumnElement<?>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            ColumnClause<?> col = column(e.getKey());
            out.put(col, valueFor(col, e.getValue()));
        }
        return out;
    }

    ColumnClause<?> column(Object key) {
        if (key instanceof String s) {
            return table.c(s);
        }
        if (key instanceof ColumnClause<?> c) {
            ColumnClause<?> own = table.corresponding(c);
            if (own == null) {
                throw new ArgumentError("Column " + c + " is not a column of " + table.describe());
            }
            return own;
        }
        throw new ArgumentError("DML values are keyed by column name or column; got " + key);
    }

    static ColumnElement<?> valueFor(ColumnClause<?> col, Object v) {
        if (v instanceof ColumnElement<?> e) {
            return e;
        }
        if (v instanceof SelectBase s) {
            return s.scalarSubquery();
        }
        return col.bindValue(v);
    }

    /** The RETURNING columns. */
    public List<ColumnElement<?>> selectedColumns() {
        return returning;
    }
}
