package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;

/** {@code drop-column}: dropping a column of an existing table loses its data and breaks code that still names it. */
final class DropColumnRule extends Rule {
    DropColumnRule() {
        super("drop-column", Severity.ERROR, "Dropping a column: its data is gone and code still naming it fails");
    }

    @Override
    public String why(LintTarget target) {
        String lock = target.isSqlite() ? " On SQLite a column that is indexed, unique, a key or used by a constraint"
                + " can only be dropped by rebuilding the table."
                : target.isMysqlFamily() ? "" : " The drop itself is quick (the space is reclaimed later), but it cannot be undone.";
        return "The column's values are lost: the downgrade re-adds an empty column. The application version still"
                + " running during the deploy selects and inserts the column by name (an ORM lists every mapped"
                + " column), so its statements fail as soon as the revision commits." + lock;
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.DropColumn dc && !ctx.isNewTable(dc.table())) {
            String c = qualified(dc.schema(), dc.table()) + "." + dc.column();
            ctx.report(this, "Drops column " + c + " and its data.",
                    "// 1. stop reading and writing " + c + ": remove the field from its entity (or the column from its Table), deploy\n"
                            + "// 2. then, in a later revision:\n"
                            + "op.ignoring(" + str(id()) + ").dropColumn(" + table(dc.schema(), dc.table()) + ", " + str(dc.column()) + ");");
        }
    }
}
