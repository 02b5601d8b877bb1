package org.jalchemy.orm.mapping;

import java.util.List;

/**
 * A class-level {@code @ForeignKeyConstraint}: this entity's {@code columns} reference
 * {@code targetColumns} of {@code targetTable} (in {@code targetSchema}, or null), with optional
 * ON DELETE / ON UPDATE actions and name (null for none). Checked against the registry's tables
 * and used by the flush order.
 */
public record CompositeForeignKey(List<ColumnProperty> columns, String targetSchema, String targetTable,
                                  List<String> targetColumns, String onDelete, String onUpdate, String name) {
}
