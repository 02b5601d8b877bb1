package org.jalchemy.migrate.ops;

/** Something a {@code createTable} lists: a column, a constraint or an index. */
public sealed interface TableElement permits ColumnDef, ConstraintDef, IndexDef {
}
