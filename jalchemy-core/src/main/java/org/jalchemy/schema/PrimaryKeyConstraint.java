package org.jalchemy.schema;

import java.util.ArrayList;
import java.util.List;

/** The table's PRIMARY KEY, possibly composite; every table has one object, possibly with no columns. */
public final class PrimaryKeyConstraint extends Constraint {
    private final List<String> columns = new ArrayList<>(2);

    PrimaryKeyConstraint(Table table) {
        super(table, null);
    }

    void addColumn(String column) {
        if (!columns.contains(column)) {
            columns.add(column);
        }
    }

    void setColumns(String name, List<String> names) {
        setName(name);
        columns.clear();
        columns.addAll(names);
    }

    @Override
    public List<String> columnNames() {
        return List.copyOf(columns);
    }

    @Override
    String conventionKey() {
        return "pk";
    }

    @Override
    public String toString() {
        return "PrimaryKeyConstraint" + columns;
    }
}
