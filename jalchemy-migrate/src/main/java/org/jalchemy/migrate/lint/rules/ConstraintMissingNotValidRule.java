package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;

/**
 * {@code constraint-missing-not-valid}: a CHECK constraint added to an existing table with
 * validation of every row. PostgreSQL: flagged unless {@code NOT VALID}; MySQL/MariaDB copy the table
 * and have no deferred route.
 */
final class ConstraintMissingNotValidRule extends Rule {
    ConstraintMissingNotValidRule() {
        super("constraint-missing-not-valid", Severity.WARNING, "Adding a CHECK constraint that validates every row under a lock");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql() || target.isMysqlFamily();
    }

    @Override
    public String why(LintTarget target) {
        if (target.isMysqlFamily()) {
            return "ALTER TABLE ... ADD CHECK copies the table to check every row (ALGORITHM=COPY); writes wait until it is"
                    + " done. MySQL and MariaDB have no NOT VALID: on a big table, enforce the rule in the application or"
                    + " accept the copy in a quiet hour.";
        }
        return "ADD CONSTRAINT ... CHECK takes an ACCESS EXCLUSIVE lock and scans the table to check every row: no reads"
                + " or writes meanwhile. Added NOT VALID it only checks new rows and commits at once; VALIDATE CONSTRAINT"
                + " later checks the old rows under a lock that lets reads and writes continue.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.AddConstraint ac) || !(ac.constraint() instanceof ConstraintDef.Check ck)
                || ctx.isNewTable(ac.table())) {
            return;
        }
        LintTarget t = ctx.target();
        if (t.isPostgresql() && ac.notValid()) {
            return;
        }
        String name = ck.name() != null ? ck.name() : "ck_" + ac.table();
        String tbl = table(ac.schema(), ac.table());
        String recipe = t.isPostgresql()
                ? "op.addConstraintNotValid(" + tbl + ", " + Snippets.constraint(ck, name) + ");\n"
                + "// in a later revision, in its own transaction (transaction_per_revision = true):\n"
                + "op.validateConstraint(" + tbl + ", " + str(name) + ");"
                : "// no online route on MySQL/MariaDB: accept the copy (small table, quiet hour)\n"
                + "op.ignoring(" + str(id()) + ").addConstraint(" + tbl + ", " + Snippets.constraint(ck, name) + ");\n"
                + "// or enforce the condition in the application instead";
        ctx.report(this, "Adds check " + (ck.name() == null ? "" : ck.name() + " ") + "on " + qualified(ac.schema(), ac.table())
                + (t.isPostgresql() ? ", scanning every row while reads and writes wait." : ": the table is copied while writes wait."), recipe);
    }
}
