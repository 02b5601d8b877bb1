package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.table;

/**
 * {@code sqlite-table-rebuild} (SQLite): an op that makes the runner rebuild an existing table —
 * a change the runner does not do with ALTER TABLE on SQLite ({@link SqliteOps}), on its own or in a
 * {@code batchAlterTable}, or a batch with recreate {@code ALWAYS}. Every row is copied while the
 * database is locked for writers. A batch is reported once, not per change inside it.
 */
final class SqliteTableRebuildRule extends Rule {
    SqliteTableRebuildRule() {
        super("sqlite-table-rebuild", Severity.WARNING, "An op that rebuilds an existing table (SQLite)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isSqlite();
    }

    @Override
    public String why(LintTarget target) {
        return "On SQLite jalchemy makes column changes other than renames, and constraint changes, by rebuilding the"
                + " table (SQLite's ALTER TABLE has no ALTER COLUMN TYPE and no portable way to change constraints): it"
                + " creates a copy with the new shape, copies every row, drops the old table and renames the copy. SQLite has one writer for the whole database file, so every other write"
                + " waits for the copy, and the file needs room for a second copy of the table. Each op outside a batch"
                + " is a rebuild of its own.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (ctx.isInBatch() || ctx.isFromRawSql() || op.tableName() == null || ctx.isNewTable(op.tableName())) {
            return;
        }
        if (op instanceof MigrateOp.BatchAlterTable b) {
            if (b.recreate() == MigrateOp.Recreate.NEVER) {
                return;
            }
            String reason = b.recreate() == MigrateOp.Recreate.ALWAYS ? "recreate = ALWAYS" : null;
            for (MigrateOp inner : b.ops()) {
                if (reason == null && SqliteOps.needsRebuild(inner) != null) {
                    reason = inner.describe();
                }
            }
            if (reason != null) {
                ctx.report(this, "Rebuilds " + qualified(b.schema(), b.table()) + " (" + reason
                                + "), copying every row while the database is locked for writers.",
                        "// fine for a small table; for a big one run it when writes can wait, with free disk space.\n"
                                + "// keep every change to the table in this one batch: the table is copied once");
            }
            return;
        }
        String reason = SqliteOps.needsRebuild(op);
        if (reason != null) {
            ctx.report(this, "Rebuilds " + op.tableName() + " for '" + op.describe()
                            + "', copying every row while the database is locked for writers.",
                    "// group the table's changes in one batch, so the table is copied once for all of them:\n"
                            + "op.batchAlterTable(" + table(null, op.tableName()) + ", batch -> batch." + batchCall(op) + ");");
        }
    }

    private static String batchCall(MigrateOp op) {
        return switch (op) {
            case MigrateOp.AlterColumn ac -> "alterColumn(" + Snippets.str(ac.column()) + ", " + Snippets.alterSpec(ac) + ")";
            case MigrateOp.AddConstraint ac -> "addConstraint(" + Snippets.constraint(ac.constraint(), ac.constraint().name()) + ")";
            case MigrateOp.DropConstraint dc -> "dropConstraint(" + Snippets.str(dc.name()) + ", "
                    + (dc.kind() == null ? "null" : "ConstraintDef.Kind." + dc.kind()) + ")";
            default -> throw new IllegalStateException("no rebuild for " + op.describe());
        };
    }
}
