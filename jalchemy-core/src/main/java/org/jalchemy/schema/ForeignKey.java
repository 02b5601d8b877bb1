package org.jalchemy.schema;

import org.jalchemy.exc.ArgumentError;

import java.util.Objects;

/**
 * A column-level foreign key declaration, {@code ForeignKey.to("users.id").onDelete("CASCADE")};
 * the column turns it into a one-column {@link ForeignKeyConstraint}. Immutable value: each
 * option returns a copy. The target is resolved lazily (the referenced table may be declared
 * later), so a missing table or column is reported when DDL is compiled or tables are sorted.
 *
 * @param target   {@code table.column} or {@code schema.table.column}
 * @param name     constraint name, or null
 * @param onDelete ON DELETE action (CASCADE, SET NULL, ...), or null
 * @param onUpdate ON UPDATE action, or null
 * @param useAlter create it with ALTER TABLE after both tables exist (cycles)
 */
public record ForeignKey(String target, String name, String onDelete, String onUpdate, boolean useAlter) {

    public ForeignKey {
        Objects.requireNonNull(target, "target");
        if (target.lastIndexOf('.') <= 0 || target.endsWith(".")) {
            throw new ArgumentError("ForeignKey target must be 'table.column' or 'schema.table.column', got '"
                    + target + "'");
        }
    }

    public static ForeignKey to(String target) {
        return new ForeignKey(target, null, null, null, false);
    }

    public static ForeignKey to(Column<?> column) {
        Table t = column.table();
        return to((t.schema() == null ? "" : t.schema() + ".") + t.name() + "." + column.name());
    }

    public ForeignKey name(String name) {
        return new ForeignKey(target, name, onDelete, onUpdate, useAlter);
    }

    public ForeignKey onDelete(String action) {
        return new ForeignKey(target, name, action, onUpdate, useAlter);
    }

    public ForeignKey onUpdate(String action) {
        return new ForeignKey(target, name, onDelete, action, useAlter);
    }

    public ForeignKey useAlter(boolean value) {
        return new ForeignKey(target, name, onDelete, onUpdate, value);
    }

    /** {@code schema.table} part of the target. */
    String targetTable() {
        return target.substring(0, target.lastIndexOf('.'));
    }

    String targetColumn() {
        return target.substring(target.lastIndexOf('.') + 1);
    }

    ForeignKeyConstraint toConstraint(Table table, String column) {
        ForeignKeyConstraint c = new ForeignKeyConstraint(table, name, java.util.List.of(column), targetTable(),
                java.util.List.of(targetColumn()));
        return c.onDelete(onDelete).onUpdate(onUpdate).useAlter(useAlter);
    }
}
