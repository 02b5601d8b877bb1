package org.jalchemy.schema;

import java.util.List;

/**
 * CREATE [UNIQUE] INDEX over columns and/or SQL expressions (functional index, e.g.
 * {@code Index.expr("lower(email)")}; PostgreSQL and SQLite have them, MySQL 8 / MariaDB need
 * generated columns instead). The name is explicit or comes from the MetaData's naming convention
 * ({@code ix_<table>_<column>} by default).
 */
public final class Index {
    private final Table table;
    private final String name;
    private final List<Object> elements;
    private boolean unique;

    /** A SQL expression element of a functional index, rendered verbatim. */
    public record Expr(String sql) {
    }

    Index(Table table, String name, List<Object> elements) {
        this.table = table;
        this.name = name;
        this.elements = List.copyOf(elements);
    }

    /** A functional element: literal SQL such as {@code lower(email)}. */
    public static Expr expr(String sql) {
        return new Expr(sql);
    }

    public Index unique(boolean value) {
        this.unique = value;
        return this;
    }

    public boolean isUnique() {
        return unique;
    }

    public Table table() {
        return table;
    }

    /** The explicit name, or null (the naming convention names it). */
    public String name() {
        return name;
    }

    /** Column names ({@link String}) and expressions ({@link Expr}), in order. */
    public List<Object> elements() {
        return elements;
    }

    /** Names of the plain-column elements, in order. */
    public List<String> columnNames() {
        return elements.stream().filter(e -> e instanceof String).map(e -> (String) e).toList();
    }

    @Override
    public String toString() {
        return "Index(" + name + ", " + elements + (unique ? ", unique" : "") + ")";
    }
}
