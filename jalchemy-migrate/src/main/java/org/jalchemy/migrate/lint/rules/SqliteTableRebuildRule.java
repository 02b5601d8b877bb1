package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

/**
 * {@code sqlite-table-rebuild} (SQLite): a {@code batchAlterTable} on an existing table that will
 * rebuild it (recreate {@code ALWAYS}, or a change SQLite's ALTER TABLE cannot do): every row is
 * copied while the database is locked for writers.
 */
final class SqliteTableRebuildRule extends Rule {
    SqliteTableRebuildRule() {
        super("sqlite-table-rebuild", Severity.WARNING, "A batch that rebuilds an existing table (SQLite)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isSqlite();
    }

    @Override
    public String why(LintTarget target) {
        return "The rebuild creates a new table, copies every row into it, drops the old table and renames the new one."
                + " SQLite has one writer for the whole database file, so every other write to any table waits for the"
                + " copy, and the file needs free space for a second copy of the table.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.BatchAlterTable b) || ctx.isNewTable(b.table()) || b.recreate() == MigrateOp.Recreate.NEVER) {
            return;
        }
        String reason = b.recreate() == MigrateOp.Recreate.ALWAYS ? "recreate = ALWAYS" : null;
        for (MigrateOp inner : b.ops()) {
            if (reason == null) {
                String r = SqliteOps.needsRebuild(inner);
                reason = r == null ? null : inner.describe();
            }
        }
        if (reason != null) {
            ctx.report(this, "Rebuilds " + qualified(b.schema(), b.table()) + " (" + reason + "), copying every row while the"
                            + " database is locked for writers.",
                    "// fine for small tables; for a big one run it when writes can wait, and check free disk space.\n"
                            + "// group every change to the table in this one batch: each batch copies the table once");
        }
    }
}
