package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Objects;

/**
 * A named column, optionally of a FROM clause (SQLAlchemy's {@code ColumnClause}). The schema's
 * {@code Column<T>} extends it with constraints and defaults; {@code column("x")} makes a bare one.
 */
public class ColumnClause<T> extends ColumnElement<T> {
    private final String name;
    private final SqlType<T> type;
    private final FromClause table;

    public ColumnClause(String name, SqlType<T> type, FromClause table) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.table = table;
    }

    /** The column's name as written in SQL (quoted by the dialect when needed). */
    public String name() {
        return name;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The FROM clause this column belongs to, or null for a bare column. */
    public FromClause table() {
        return table;
    }

    @Override
    public String toString() {
        return table instanceof TableClause t ? t.name() + "." + name : name;
    }
}
