package org.jalchemy.migrate.ops;

import java.util.List;
import java.util.Objects;

/**
 * An index in a migration. {@link #elements()} are column names, or SQL expressions written
 * {@code expr:lower(email)} (see {@code Ddl.expr}). {@link #concurrently()} asks PostgreSQL for
 * {@code CREATE INDEX CONCURRENTLY} (run outside the revision's transaction; ignored elsewhere).
 * Immutable; equality by value. {@link #table()} is null inside {@code createTable}.
 */
public final class IndexDef implements TableElement {
    /** Prefix marking an expression element. */
    public static final String EXPR = "expr:";

    private final String name;
    private final String schema;
    private final String table;
    private final List<String> elements;
    private final boolean unique;
    private final boolean concurrently;

    public IndexDef(String name, String schema, String table, List<String> elements, boolean unique, boolean concurrently) {
        this.name = name;
        this.schema = schema;
        this.table = table;
        this.elements = List.copyOf(elements);
        this.unique = unique;
        this.concurrently = concurrently;
    }

    public String name() {
        return name;
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    public List<String> elements() {
        return elements;
    }

    public boolean isUnique() {
        return unique;
    }

    public boolean isConcurrently() {
        return concurrently;
    }

    public IndexDef unique() {
        return new IndexDef(name, schema, table, elements, true, concurrently);
    }

    public IndexDef concurrently() {
        return new IndexDef(name, schema, table, elements, unique, true);
    }

    /** The table the index is on: {@code "users"} or {@code "schema.users"}. */
    public IndexDef on(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? on(null, table) : on(table.substring(0, dot), table.substring(dot + 1));
    }

    public IndexDef on(String schema, String table) {
        return new IndexDef(name, schema, table, elements, unique, concurrently);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexDef i && Objects.equals(name, i.name) && Objects.equals(schema, i.schema)
                && Objects.equals(table, i.table) && elements.equals(i.elements) && unique == i.unique
                && concurrently == i.concurrently;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, table, elements, unique);
    }

    @Override
    public String toString() {
        return "index(" + name + (table == null ? "" : " on " + table) + ", " + elements + (unique ? ", unique" : "") + ")";
    }
}
