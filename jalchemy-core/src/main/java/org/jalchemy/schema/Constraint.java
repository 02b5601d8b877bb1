package org.jalchemy.schema;

import java.util.List;

/**
 * A table-level constraint: primary key, unique, check or foreign key. Its {@link #name()} is the
 * explicit name or null; the name used in DDL is decided by the MetaData's
 * {@link NamingConvention} when compiling (see {@link DdlCompiler#constraintName}).
 *
 * <p>Configured while the table is being declared, then treated as immutable.
 */
public abstract sealed class Constraint permits PrimaryKeyConstraint, UniqueConstraint, CheckConstraint,
        ForeignKeyConstraint {
    private final Table table;
    private String name;

    Constraint(Table table, String name) {
        this.table = table;
        this.name = name;
    }

    public Table table() {
        return table;
    }

    /** The explicit name, or null when the database (or the naming convention) names it. */
    public String name() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    /** The constrained columns' names, in order (empty for a CHECK constraint). */
    public abstract List<String> columnNames();

    /** The naming-convention key: {@code pk}, {@code uq}, {@code ck} or {@code fk}. */
    abstract String conventionKey();

    /** The constrained columns themselves. */
    public List<Column<?>> columns() {
        return columnNames().stream().<Column<?>>map(table::column).toList();
    }
}
