package org.jalchemy.migrate.ops;

import org.jalchemy.types.SqlType;

import java.util.Objects;

/**
 * A column as a migration script declares it ({@code column("email", string(120)).nullable(false)}):
 * an immutable value, detached from any table, turned into a schema {@code Column} only when an op
 * is compiled. Every wither returns a new instance; equality is by value.
 *
 * <p>Defaults follow SQLAlchemy: nullable unless part of the primary key; {@link #autoincrement()}
 * null means "the database decides" (an integer single-column primary key generates values).
 */
public final class ColumnDef implements TableElement {
    private final String name;
    private final SqlType<?> type;
    private final Boolean nullable;
    private final boolean primaryKey;
    private final Boolean autoincrement;
    private final String serverDefault;
    private final String comment;
    private final boolean unique;
    private final boolean index;
    private final String foreignKey;
    private final String onDelete;

    private ColumnDef(String name, SqlType<?> type, Boolean nullable, boolean primaryKey, Boolean autoincrement,
                      String serverDefault, String comment, boolean unique, boolean index, String foreignKey,
                      String onDelete) {
        this.name = Objects.requireNonNull(name, "column name");
        this.type = Objects.requireNonNull(type, "type of column " + name);
        this.nullable = nullable;
        this.primaryKey = primaryKey;
        this.autoincrement = autoincrement;
        this.serverDefault = serverDefault;
        this.comment = comment;
        this.unique = unique;
        this.index = index;
        this.foreignKey = foreignKey;
        this.onDelete = onDelete;
    }

    public static ColumnDef of(String name, SqlType<?> type) {
        return new ColumnDef(name, type, null, false, null, null, null, false, false, null, null);
    }

    public String name() {
        return name;
    }

    public SqlType<?> type() {
        return type;
    }

    /** The explicit nullability, or null when not given. */
    public Boolean nullableSetting() {
        return nullable;
    }

    /** The effective nullability: explicit, else false for primary key columns, else true. */
    public boolean isNullable() {
        return nullable != null ? nullable : !primaryKey;
    }

    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** Explicit autoincrement setting, or null ("auto"). */
    public Boolean autoincrement() {
        return autoincrement;
    }

    public String serverDefault() {
        return serverDefault;
    }

    public String comment() {
        return comment;
    }

    public boolean isUnique() {
        return unique;
    }

    public boolean isIndexed() {
        return index;
    }

    /** {@code "table.column"} (or {@code "schema.table.column"}) this column refers to, or null. */
    public String foreignKey() {
        return foreignKey;
    }

    /** The foreign key's ON DELETE action, or null. */
    public String onDelete() {
        return onDelete;
    }

    public ColumnDef nullable(boolean value) {
        return new ColumnDef(name, type, value, primaryKey, autoincrement, serverDefault, comment, unique, index, foreignKey, onDelete);
    }

    public ColumnDef primaryKey() {
        return new ColumnDef(name, type, nullable, true, autoincrement, serverDefault, comment, unique, index, foreignKey, onDelete);
    }

    public ColumnDef autoincrement(boolean value) {
        return new ColumnDef(name, type, nullable, primaryKey, value, serverDefault, comment, unique, index, foreignKey, onDelete);
    }

    /** The server default as SQL text: {@code "0"}, {@code "'draft'"}, {@code "CURRENT_TIMESTAMP"}. */
    public ColumnDef serverDefault(String sql) {
        return new ColumnDef(name, type, nullable, primaryKey, autoincrement, sql, comment, unique, index, foreignKey, onDelete);
    }

    public ColumnDef comment(String text) {
        return new ColumnDef(name, type, nullable, primaryKey, autoincrement, serverDefault, text, unique, index, foreignKey, onDelete);
    }

    public ColumnDef unique() {
        return new ColumnDef(name, type, nullable, primaryKey, autoincrement, serverDefault, comment, true, index, foreignKey, onDelete);
    }

    public ColumnDef index() {
        return new ColumnDef(name, type, nullable, primaryKey, autoincrement, serverDefault, comment, unique, true, foreignKey, onDelete);
    }

    /** A foreign key to {@code "table.column"}. */
    public ColumnDef foreignKey(String target) {
        return new ColumnDef(name, type, nullable, primaryKey, autoincrement, serverDefault, comment, unique, index, target, onDelete);
    }

    public ColumnDef foreignKey(String target, String onDeleteAction) {
        return new ColumnDef(name, type, nullable, primaryKey, autoincrement, serverDefault, comment, unique, index, target, onDeleteAction);
    }

    public ColumnDef withName(String newName) {
        return new ColumnDef(newName, type, nullable, primaryKey, autoincrement, serverDefault, comment, unique, index, foreignKey, onDelete);
    }

    public ColumnDef withType(SqlType<?> newType) {
        return new ColumnDef(name, newType, nullable, primaryKey, autoincrement, serverDefault, comment, unique, index, foreignKey, onDelete);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnDef c && name.equals(c.name) && type.equals(c.type) && Objects.equals(nullable, c.nullable)
                && primaryKey == c.primaryKey && Objects.equals(autoincrement, c.autoincrement)
                && Objects.equals(serverDefault, c.serverDefault) && Objects.equals(comment, c.comment)
                && unique == c.unique && index == c.index && Objects.equals(foreignKey, c.foreignKey)
                && Objects.equals(onDelete, c.onDelete);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, nullable, primaryKey, serverDefault);
    }

    @Override
    public String toString() {
        return "column(" + name + ", " + type + (primaryKey ? ", pk" : "") + (isNullable() ? "" : ", not null")
                + (serverDefault == null ? "" : ", default " + serverDefault) + ")";
    }
}
