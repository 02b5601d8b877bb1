package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;

/** {@code require-concurrent-index-deletion} (PostgreSQL): {@code DROP INDEX} without {@code CONCURRENTLY} on an existing table. */
final class RequireConcurrentIndexDeletionRule extends Rule {
    RequireConcurrentIndexDeletionRule() {
        super("require-concurrent-index-deletion", Severity.WARNING, "Dropping an index without CONCURRENTLY (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table. The drop is quick, but waiting for that lock"
                + " behind a long query queues every later read and write of the table too. DROP INDEX CONCURRENTLY"
                + " waits without blocking them.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.DropIndex di && !di.concurrently() && (di.table() == null || !ctx.isNewTable(di.table()))) {
            ctx.report(this, "Drops index " + di.name() + (di.table() == null ? "" : " on " + qualified(di.schema(), di.table()))
                            + " under an ACCESS EXCLUSIVE lock.",
                    "op.dropIndexConcurrently(" + str(di.name()) + ", " + table(di.schema(), di.table() == null ? "<table>" : di.table()) + ");");
        }
    }
}
