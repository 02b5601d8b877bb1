package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.lint.SqlStatement;
import org.jalchemy.migrate.ops.MigrateOp;

/** {@code ban-truncate-cascade} (PostgreSQL): {@code TRUNCATE ... CASCADE} empties every table that refers to the named ones. */
final class BanTruncateCascadeRule extends Rule {
    BanTruncateCascadeRule() {
        super("ban-truncate-cascade", Severity.ERROR, "TRUNCATE ... CASCADE (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "CASCADE also truncates every table with a foreign key to the named tables, and the tables referring to"
                + " those, recursively: one statement can empty most of a schema.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.Execute)) {
            return;
        }
        for (SqlStatement s : ctx.sqlStatements()) {
            if (s.kind() == SqlStatement.Kind.TRUNCATE && s.cascade()) {
                ctx.report(this, "Truncates " + String.join(", ", s.tables()) + " and, through CASCADE, every table referring to them.",
                        "// name every table to empty; without CASCADE PostgreSQL refuses if another table refers to them:\n"
                                + "op.execute(\"TRUNCATE " + String.join(", ", s.tables()) + "\");");
            }
        }
    }
}
