package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Objects;
import java.util.Set;

/**
 * A named column, optionally of a FROM clause (SQLAlchemy's {@code ColumnClause}). The schema's
 * {@code Column<T>} extends it with constraints and defaults; {@code column("x")} makes a bare one.
 *
 * <p>Renders as {@code table.name} (or {@code alias.name}) when it has a table, and brings that
 * table into the FROM clause of a SELECT that uses it.
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
    @Override
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

    /**
     * The expression this column stands for, or null for a stored column (the default). A layer
     * above Core whose columns are computed rather than stored (the ORM's column properties,
     * SQLAlchemy's {@code column_property}) overrides it: such a column renders as its expression
     * (labelled with {@link #name()} in a SELECT list), binds as tightly as the expression does,
     * and is part of the statement's cache key. Copies made by {@link #withTable} (aliases) are
     * plain columns: an alias cannot adapt the expression to itself.
     */
    protected ColumnElement<?> expression() {
        return null;
    }

    @Override
    int precedence() {
        ColumnElement<?> e = expression();
        return e == null ? Precedence.ATOM : e.precedence();
    }

    /** A copy of this column bound to {@code table} (used by lightweight tables and aliases). */
    ColumnClause<T> withTable(FromClause newTable) {
        return new ColumnClause<>(name, type, newTable);
    }

    @Override
    String bindKey() {
        return name;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitColumn(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(ColumnClause.class).add(name).add(type);
        ColumnElement<?> e = expression();
        if (e != null) {
            e.keyTo(k);
        }
        if (table == null) {
            k.add((Object) null);
        } else {
            table.keyTo(k);
        }
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        if (table != null) {
            out.add(table);
        }
    }

    @Override
    public String toString() {
        return table instanceof TableClause t ? t.name() + "." + name
                : table instanceof Alias a && a.name() != null ? a.name() + "." + name : name;
    }
}
