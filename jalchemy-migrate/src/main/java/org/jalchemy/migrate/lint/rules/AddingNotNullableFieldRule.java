package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;
import static org.jalchemy.migrate.lint.rules.Snippets.type;

/**
 * {@code adding-not-nullable-field} (PostgreSQL): {@code SET NOT NULL} on a column of an existing
 * table scans every row under an ACCESS EXCLUSIVE lock — unless (PostgreSQL 12+) a validated
 * {@code CHECK (column IS NOT NULL)} already proves it, which this rule looks for in the ops linted
 * before this one. MySQL/MariaDB change nullability in place with concurrent writes allowed, and
 * SQLite rebuilds the table (see {@code sqlite-table-rebuild}), so the rule is PostgreSQL's only.
 */
final class AddingNotNullableFieldRule extends Rule {
    AddingNotNullableFieldRule() {
        super("adding-not-nullable-field", Severity.WARNING, "Setting NOT NULL on an existing column (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "ALTER COLUMN ... SET NOT NULL takes an ACCESS EXCLUSIVE lock and reads the whole table to prove there"
                + " is no NULL: no one can read or write the table for that time. A validated CHECK (column IS NOT NULL)"
                + " lets PostgreSQL 12 and later skip the scan, and such a check can be added NOT VALID and validated"
                + " while the table stays writable.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.AlterColumn ac) || !Boolean.FALSE.equals(ac.nullable())
                || Boolean.FALSE.equals(ac.existingNullable()) || ctx.isNewTable(ac.table())) {
            return;
        }
        boolean proven = ctx.target().atLeast(12, 0) && ctx.hasValidatedNotNullCheck(ac.table(), ac.column());
        if (proven) {
            return;
        }
        String t = table(ac.schema(), ac.table());
        String ck = "ck_" + ac.table() + "_" + ac.column() + "_not_null";
        ctx.report(this, "Sets NOT NULL on " + qualified(ac.schema(), ac.table()) + "." + ac.column()
                        + ": the whole table is scanned while reads and writes wait.",
                "// revision 1: a check that is not verified yet (brief lock, no scan)\n"
                        + "op.addConstraintNotValid(" + t + ", check(" + str(ac.column() + " IS NOT NULL") + ").named(" + str(ck) + "));\n"
                        + "// backfill the NULLs; then revision 2, in its own transaction (transaction_per_revision = true):\n"
                        + "op.validateConstraint(" + t + ", " + str(ck) + ");   // scans, but reads and writes go on\n"
                        + "op.alterColumn(" + t + ", " + str(ac.column()) + ", c -> c.nullable(false)"
                        + (ac.existingType() == null ? "" : ".existingType(" + type(ac.existingType()) + ")")
                        + ");   // PostgreSQL 12+: no scan, the check proves it\n"
                        + "op.dropConstraint(" + str(ck) + ", " + t + ", ConstraintDef.Kind.CHECK);");
    }
}
