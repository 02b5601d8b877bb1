package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.ops.MigrateOp;

/**
 * Which ops SQLite's ALTER TABLE cannot do, so that only a table rebuild (a batch) can: any
 * ALTER COLUMN but a rename, adding or dropping a constraint, adding a PRIMARY KEY or UNIQUE column.
 * Mirrors what the SQLite DDL compiler refuses. Stateless.
 */
final class SqliteOps {
    private SqliteOps() {
    }

    /** Why {@code op} needs a rebuild on SQLite, or null when plain ALTER TABLE does it. */
    static String needsRebuild(MigrateOp op) {
        return switch (op) {
            case MigrateOp.AlterColumn ac when ac.type() != null || ac.nullable() != null || ac.changesDefault()
                    || ac.changesComment() -> "SQLite's ALTER TABLE cannot change a column beyond renaming it";
            case MigrateOp.AddConstraint ac -> "SQLite's ALTER TABLE cannot add a constraint";
            case MigrateOp.DropConstraint dc -> "SQLite's ALTER TABLE cannot drop a constraint";
            case MigrateOp.AddColumn ac when ac.column().isPrimaryKey() || ac.column().isUnique() ->
                    "SQLite's ALTER TABLE cannot add a PRIMARY KEY or UNIQUE column";
            default -> null;
        };
    }
}
