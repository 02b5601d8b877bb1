package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.lint.SqlStatement;
import org.jalchemy.migrate.ops.MigrateOp;

/**
 * {@code backfill-in-ddl-transaction} (PostgreSQL): an UPDATE/DELETE/INSERT ... SELECT on a table
 * that an earlier op of the same revision altered. The ALTER's lock is held until the transaction
 * commits, so the table stays blocked for the whole data change.
 */
final class BackfillInDdlTransactionRule extends Rule {
    BackfillInDdlTransactionRule() {
        super("backfill-in-ddl-transaction", Severity.WARNING,
                "Changing many rows of a table in the transaction that altered it (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "DDL takes its lock until the end of the transaction (most ALTER TABLE forms: ACCESS EXCLUSIVE). A backfill"
                + " run after it in the same transaction keeps the table unreadable and unwritable for the whole update,"
                + " and one big UPDATE also holds row locks and bloats the table. Backfill in batches, outside the"
                + " transaction of the DDL.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.Execute)) {
            return;
        }
        for (SqlStatement s : ctx.sqlStatements()) {
            if (s.kind() == SqlStatement.Kind.DATA_CHANGE && ctx.isWriteLockedInThisRevision(s.table())) {
                ctx.report(this, "Changes rows of " + s.table() + " after altering it in the same transaction: the table"
                                + " stays locked until the data change commits.",
                        "// keep the DDL in this revision; backfill from a later revision (transaction_per_revision = true)\n"
                                + "// or from a job, in batches of a few thousand rows:\n"
                                + "op.execute(\"UPDATE " + s.table() + " SET ... WHERE id IN (SELECT id FROM " + s.table()
                                + " WHERE ... LIMIT 5000)\");   // repeated until no row changes");
            }
        }
    }
}
