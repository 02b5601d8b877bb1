package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A named table (SQLAlchemy's lightweight {@code TableClause}): a name, an optional schema and
 * its columns. Built by {@link Sql#table} for ad-hoc use; the schema package's {@code Table}
 * extends it with MetaData, constraints and DDL, supplying its own {@link #columns()}.
 *
 * <p>Identity: a table compiles by name, so two objects with the same name and schema produce the
 * same SQL; in one statement they are still distinct FROM entries.
 */
public class TableClause extends FromClause {
    private final String name;
    private final String schema;
    private final List<ColumnClause<?>> ownColumns;
    private final List<String> primaryKeyNames;

    /** A table whose subclass supplies {@link #columns()}. */
    public TableClause(String name, String schema) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = schema;
        this.ownColumns = List.of();
        this.primaryKeyNames = List.of();
    }

    /** A lightweight table; each given column is copied and bound to this table. */
    protected TableClause(String name, String schema, List<? extends ColumnClause<?>> columns, List<String> primaryKey) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = schema;
        List<ColumnClause<?>> own = new ArrayList<>(columns.size());
        for (ColumnClause<?> c : columns) {
            own.add(c.withTable(this));
        }
        this.ownColumns = Collections.unmodifiableList(own);
        this.primaryKeyNames = List.copyOf(primaryKey);
    }

    public String name() {
        return name;
    }

    /** Schema name, or null for the default schema. */
    public String schema() {
        return schema;
    }

    /** The columns; subclasses own their storage. */
    @Override
    public List<? extends ColumnClause<?>> columns() {
        return ownColumns;
    }

    /**
     * Primary key columns, if known (lightweight tables: as declared by {@link #withPrimaryKey};
     * schema tables: their primary key constraint's columns).
     */
    public List<? extends ColumnClause<?>> primaryKeyColumns() {
        List<ColumnClause<?>> out = new ArrayList<>();
        for (String n : primaryKeyNames) {
            out.add(c(n));
        }
        return out;
    }

    /** A copy of this lightweight table declaring its primary key columns (used for inserted keys and upserts). */
    public TableClause withPrimaryKey(String... columnNames) {
        return new TableClause(name, schema, ownColumns, List.of(columnNames));
    }

    @Override
    ColumnClause<?> corresponding(ColumnElement<?> column) {
        ColumnClause<?> same = super.corresponding(column);
        if (same == null && column instanceof ColumnClause<?> cc && cc.table() instanceof TableClause t
                && t.name.equals(name) && Objects.equals(t.schema, schema)) {
            return c(cc.name());
        }
        return same;
    }

    @Override
    String describe() {
        return "table '" + this + "'";
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitTable(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(TableClause.class).add(name).add(schema);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
