package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.ops.MigrateOp;

/**
 * Which ops the runner does on SQLite by rebuilding the table (the same test as the runner's
 * {@code OpCompiler.needsRebuild}): any ALTER COLUMN but a pure rename, and adding or dropping a
 * constraint. (SQLite 3.53 accepts ALTER COLUMN SET/DROP NOT NULL and ADD/DROP CONSTRAINT CHECK,
 * but not type changes or UNIQUE constraints; the runner does not use those forms.) Stateless.
 */
final class SqliteOps {
    private SqliteOps() {
    }

    /** Why {@code op} makes the runner rebuild its table on SQLite, or null when plain ALTER TABLE does it. */
    static String needsRebuild(MigrateOp op) {
        return switch (op) {
            case MigrateOp.AlterColumn ac when ac.type() != null || ac.nullable() != null || ac.changesDefault()
                    || ac.changesComment() -> "on SQLite a column change other than a rename rebuilds the table";
            case MigrateOp.AddConstraint ac -> "on SQLite adding a constraint rebuilds the table";
            case MigrateOp.DropConstraint dc -> "on SQLite dropping a constraint rebuilds the table";
            default -> null;
        };
    }
}
