package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;

/** {@code drop-table}: dropping a table that existed before this revision loses its rows and breaks its readers. */
final class DropTableRule extends Rule {
    DropTableRule() {
        super("drop-table", Severity.ERROR, "Dropping a table: its rows are gone and code still using it fails");
    }

    @Override
    public String why(LintTarget target) {
        return "DROP TABLE cannot be undone: the downgrade recreates an empty table. During a deploy the old"
                + " application version keeps running next to the new one, and every query it still sends to the"
                + " table fails from the moment the revision commits.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.DropTable dt && !ctx.isNewTable(dt.name())) {
            String t = qualified(dt.schema(), dt.name());
            ctx.report(this, "Drops table " + t + " and every row in it.",
                    "// 1. remove every use of " + t + " from the application (its entity or Table), and deploy that\n"
                            + "// 2. keep a copy if the rows may be needed again (pg_dump -t / mysqldump)\n"
                            + "// 3. then, in a later revision:\n"
                            + "op.ignoring(" + str(id()) + ").dropTable(" + table(dt.schema(), dt.name()) + ");");
        }
    }
}
