package org.jalchemy.schema;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A column of a {@link Table}, typed by the Java type of its values: a {@code Column<Integer>}
 * only combines with Integer expressions. Created by {@link Table#column(String, SqlType)}, never
 * on its own, so it always belongs to exactly one table.
 *
 * <p>Configuration ({@link #primaryKey()}, {@link #nullable(boolean)}, {@link #foreignKey(String)},
 * ...) returns {@code this} so a declaration reads as one expression:
 * {@code column("email", string(120)).nullable(false).unique()}. A column is configured while its
 * table is being declared and must not change after it is first used (DDL, compilation,
 * ORM mapping): the configuration is not thread-safe and nothing re-validates it later.
 */
public final class Column<T> extends ColumnClause<T> {
    private final Table table;
    private boolean primaryKey;
    private Boolean autoincrement;
    private Boolean nullable;
    private Object defaultValue;
    private Supplier<? extends T> defaultSupplier;
    private String serverDefault;
    private String comment;
    private final List<ForeignKey> foreignKeys = new ArrayList<>(1);

    Column(String name, SqlType<T> type, Table table) {
        super(name, type, table);
        this.table = table;
    }

    @Override
    public Table table() {
        return table;
    }

    // ------------------------------------------------------------------ configuration

    /** Makes this column (part of) the table's primary key; implies NOT NULL. */
    public Column<T> primaryKey() {
        if (!primaryKey) {
            primaryKey = true;
            table.primaryKeyConstraint().addColumn(name());
        }
        return this;
    }

    /**
     * Whether the database generates values (SERIAL, AUTO_INCREMENT, SQLite rowid). Default
     * ("auto"): true for the single integer primary-key column without a foreign key.
     */
    public Column<T> autoincrement(boolean value) {
        autoincrement = value;
        return this;
    }

    public Column<T> nullable(boolean value) {
        nullable = value;
        return this;
    }

    /** Adds an unnamed single-column UNIQUE constraint (named by the MetaData's convention, if any). */
    public Column<T> unique() {
        table.uniqueConstraint(null, name());
        return this;
    }

    /** Adds a single-column index named by the convention ({@code ix_<table>_<column>} by default). */
    public Column<T> index() {
        table.index(null, name());
        return this;
    }

    /** Adds a single-column unique index named by the convention. */
    public Column<T> uniqueIndex() {
        table.index(null, name()).unique(true);
        return this;
    }

    /** A client-side default used by INSERTs that give no value. */
    public Column<T> defaultValue(T value) {
        this.defaultValue = value;
        this.defaultSupplier = null;
        return this;
    }

    /** A client-side default computed per INSERT (e.g. {@code LocalDateTime::now}). */
    public Column<T> defaultSupplier(Supplier<? extends T> supplier) {
        this.defaultSupplier = Objects.requireNonNull(supplier, "supplier");
        this.defaultValue = null;
        return this;
    }

    /**
     * A server-side default, as literal SQL rendered after DEFAULT: {@code "0"}, {@code "'draft'"},
     * {@code "CURRENT_TIMESTAMP"}. It is SQL text, not a value: quote strings yourself.
     */
    public Column<T> serverDefault(String sql) {
        this.serverDefault = sql;
        return this;
    }

    public Column<T> comment(String comment) {
        this.comment = comment;
        return this;
    }

    /** References {@code "table.column"} or {@code "schema.table.column"}. */
    public Column<T> foreignKey(String target) {
        return foreignKey(ForeignKey.to(target));
    }

    /** References the given column of another (or the same) table. */
    public Column<T> foreignKey(Column<?> target) {
        return foreignKey(ForeignKey.to(target));
    }

    /** Adds a column-level foreign key ({@code ForeignKey.to("users.id").onDelete("CASCADE")}). */
    public Column<T> foreignKey(ForeignKey fk) {
        foreignKeys.add(fk);
        table.addConstraint(fk.toConstraint(table, name()));
        return this;
    }

    // ------------------------------------------------------------------ reading

    /** True when this column is part of its table's primary key (declared here or on the table). */
    public boolean isPrimaryKey() {
        return primaryKey || table.primaryKey().columnNames().contains(name());
    }

    /** Effective nullability: explicit, else false for primary-key columns and true otherwise. */
    public boolean isNullable() {
        return nullable != null ? nullable : !isPrimaryKey();
    }

    /** The explicit autoincrement setting, or null for "auto". */
    public Boolean autoincrementSetting() {
        return autoincrement;
    }

    /** True when this is the table's autoincrement column (see {@link Table#autoincrementColumn()}). */
    public boolean isAutoincrement() {
        return table.autoincrementColumn() == this;
    }

    /** True for the integer types that can autoincrement. */
    boolean isIntegerTyped() {
        SqlType<T> t = type();
        return t instanceof IntegerType || t instanceof BigIntegerType || t instanceof SmallIntegerType;
    }

    public List<ForeignKey> foreignKeys() {
        return List.copyOf(foreignKeys);
    }

    /** True when a client-side default is set. */
    public boolean hasDefault() {
        return defaultValue != null || defaultSupplier != null;
    }

    /** The client-side default for one INSERT (calls the supplier), or null. */
    @SuppressWarnings("unchecked")
    public T defaultFor() {
        return defaultSupplier != null ? defaultSupplier.get() : (T) defaultValue;
    }

    public String serverDefault() {
        return serverDefault;
    }

    public String comment() {
        return comment;
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new ArgumentError("A column name must be a non-empty string");
        }
    }
}
