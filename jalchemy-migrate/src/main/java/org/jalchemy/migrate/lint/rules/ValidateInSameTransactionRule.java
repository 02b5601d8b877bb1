package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.lint.SqlStatement;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;

/**
 * {@code validate-in-same-transaction} (PostgreSQL): {@code VALIDATE CONSTRAINT} in the same revision
 * that added the constraint {@code NOT VALID}. PostgreSQL runs a revision (by default a whole
 * upgrade) in one transaction, so the lock taken by the ADD is held through the validation scan and
 * NOT VALID gains nothing.
 */
final class ValidateInSameTransactionRule extends Rule {
    ValidateInSameTransactionRule() {
        super("validate-in-same-transaction", Severity.WARNING,
                "Validating a NOT VALID constraint in the transaction that added it (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "ADD CONSTRAINT ... NOT VALID is cheap because it commits at once; its lock (ACCESS EXCLUSIVE for a check,"
                + " SHARE ROW EXCLUSIVE on both tables for a foreign key) is then released. Validated in the same"
                + " transaction, that lock is still held while VALIDATE scans the table, which is exactly the blocking"
                + " NOT VALID was meant to avoid. jalchemy runs a whole upgrade in one transaction on PostgreSQL unless"
                + " transaction_per_revision = true.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.Execute)) {
            return;
        }
        for (SqlStatement s : ctx.sqlStatements()) {
            if (s.kind() == SqlStatement.Kind.VALIDATE_CONSTRAINT && ctx.addedNotValidInThisRevision(s.table(), s.name())) {
                ctx.report(this, "Validates " + s.name() + " on " + s.table()
                                + " in the revision that added it NOT VALID: the add's lock is held through the scan.",
                        "// move this call to a later revision, and run revisions in their own transactions:\n"
                                + "//   transaction_per_revision = true   (jalchemy.toml)\n"
                                + "op.validateConstraint(" + str(s.table()) + ", " + str(s.name()) + ");");
            }
        }
    }
}
