package org.jalchemy.orm.mapping;

/**
 * A foreign key declared by {@code @ForeignKey} on a property: the referenced table (and schema)
 * and column, with its ON DELETE / ON UPDATE actions (null for none). Resolved against the other
 * mappers' tables by the registry and the unit of work.
 */
public record ForeignKeyRef(ColumnProperty property, String targetSchema, String targetTable, String targetColumn,
                            String onDelete, String onUpdate, String name) {
}
