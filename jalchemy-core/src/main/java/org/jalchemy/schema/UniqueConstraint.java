package org.jalchemy.schema;

import java.util.List;

/** UNIQUE over one or more columns of a table. */
public final class UniqueConstraint extends Constraint {
    private final List<String> columns;

    UniqueConstraint(Table table, String name, List<String> columns) {
        super(table, name);
        this.columns = List.copyOf(columns);
    }

    @Override
    public List<String> columnNames() {
        return columns;
    }

    @Override
    String conventionKey() {
        return "uq";
    }

    @Override
    public String toString() {
        return "UniqueConstraint" + columns;
    }
}
