package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.lint.SqlStatement;
import org.jalchemy.migrate.ops.MigrateOp;

/** {@code ban-drop-database}: raw SQL that drops a database or schema. */
final class BanDropDatabaseRule extends Rule {
    BanDropDatabaseRule() {
        super("ban-drop-database", Severity.ERROR, "Dropping a database or schema in a migration");
    }

    @Override
    public String why(LintTarget target) {
        return "DROP DATABASE / DROP SCHEMA removes every table in it with all its data, and a migration runs against"
                + " production as well as development. This belongs in an operator's hands, not in a revision.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.Execute)) {
            return;
        }
        for (SqlStatement s : ctx.sqlStatements()) {
            if (s.kind() == SqlStatement.Kind.DROP_DATABASE) {
                ctx.report(this, "Drops " + s.name() + " and everything in it: " + s.text(),
                        "// drop the tables you mean to drop, one op each, each reviewed:\n"
                                + "op.ignoring(\"drop-table\").dropTable(\"...\");");
            }
        }
    }
}
