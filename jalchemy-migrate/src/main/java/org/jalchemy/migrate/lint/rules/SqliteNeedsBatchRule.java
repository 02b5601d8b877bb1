package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.table;

/** {@code sqlite-needs-batch} (SQLite): an op outside {@code batchAlterTable} that SQLite's ALTER TABLE cannot do; it fails when run. */
final class SqliteNeedsBatchRule extends Rule {
    SqliteNeedsBatchRule() {
        super("sqlite-needs-batch", Severity.ERROR, "An op SQLite can only do by rebuilding the table, outside batchAlterTable (SQLite)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isSqlite();
    }

    @Override
    public String why(LintTarget target) {
        return "SQLite's ALTER TABLE can add, drop and rename columns and rename tables, nothing else. Other changes need"
                + " the table rebuilt (create a copy with the new shape, copy the rows, drop, rename), which"
                + " op.batchAlterTable does; outside a batch the op fails when the revision runs.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (ctx.isInBatch() || ctx.isFromRawSql() || op.tableName() == null) {
            return;
        }
        String reason = SqliteOps.needsRebuild(op);
        if (reason != null) {
            String inner = switch (op) {
                case MigrateOp.AlterColumn ac -> "alterColumn(" + Snippets.str(ac.column()) + ", " + Snippets.alterSpec(ac) + ")";
                case MigrateOp.AddConstraint ac -> "addConstraint(" + Snippets.constraint(ac.constraint(), ac.constraint().name()) + ")";
                case MigrateOp.DropConstraint dc -> "dropConstraint(" + Snippets.str(dc.name()) + ", "
                        + (dc.kind() == null ? "null" : "ConstraintDef.Kind." + dc.kind()) + ")";
                case MigrateOp.AddColumn ac -> "addColumn(" + Snippets.column(ac.column()) + ")";
                default -> "...";
            };
            ctx.report(this, reason + ": '" + op.describe() + "' fails on SQLite outside a batch.",
                    "op.batchAlterTable(" + table(null, op.tableName()) + ", batch -> batch." + inner + ");");
        }
    }
}
