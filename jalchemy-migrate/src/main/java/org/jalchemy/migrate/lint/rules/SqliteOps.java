package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.ops.MigrateOp;

/**
 * Which ops SQLite's ALTER TABLE cannot do, so that the runner rebuilds the table for them (the
 * same test as the runner's {@code OpCompiler.needsRebuild}): any ALTER COLUMN but a pure rename,
 * and adding or dropping a constraint. Stateless.
 */
final class SqliteOps {
    private SqliteOps() {
    }

    /** Why {@code op} makes SQLite rebuild its table, or null when plain ALTER TABLE does it. */
    static String needsRebuild(MigrateOp op) {
        return switch (op) {
            case MigrateOp.AlterColumn ac when ac.type() != null || ac.nullable() != null || ac.changesDefault()
                    || ac.changesComment() -> "SQLite's ALTER TABLE cannot change a column beyond renaming it";
            case MigrateOp.AddConstraint ac -> "SQLite's ALTER TABLE cannot add a constraint";
            case MigrateOp.DropConstraint dc -> "SQLite's ALTER TABLE cannot drop a constraint";
            default -> null;
        };
    }
}
