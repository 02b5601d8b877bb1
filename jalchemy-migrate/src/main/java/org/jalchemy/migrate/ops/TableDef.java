package org.jalchemy.migrate.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table as {@code createTable} declares it: columns, constraints and indexes in order, an
 * optional schema and comment. Immutable.
 */
public record TableDef(String schema, String name, List<TableElement> elements, String comment) {
    public TableDef {
        Objects.requireNonNull(name, "table name");
        elements = List.copyOf(elements);
    }

    public static TableDef of(String name, TableElement... elements) {
        return new TableDef(null, name, List.of(elements), null);
    }

    public TableDef schema(String value) {
        return new TableDef(value, name, elements, comment);
    }

    public TableDef comment(String value) {
        return new TableDef(schema, name, elements, value);
    }

    public List<ColumnDef> columns() {
        List<ColumnDef> out = new ArrayList<>();
        for (TableElement e : elements) {
            if (e instanceof ColumnDef c) {
                out.add(c);
            }
        }
        return out;
    }

    public List<ConstraintDef> constraints() {
        List<ConstraintDef> out = new ArrayList<>();
        for (TableElement e : elements) {
            if (e instanceof ConstraintDef c) {
                out.add(c);
            }
        }
        return out;
    }

    public List<IndexDef> indexes() {
        List<IndexDef> out = new ArrayList<>();
        for (TableElement e : elements) {
            if (e instanceof IndexDef i) {
                out.add(i);
            }
        }
        return out;
    }

    /** The column called {@code column}, or null. */
    public ColumnDef column(String column) {
        for (ColumnDef c : columns()) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        return null;
    }
}
