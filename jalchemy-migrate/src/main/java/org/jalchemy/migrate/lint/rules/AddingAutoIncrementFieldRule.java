package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;

/**
 * {@code adding-auto-increment-field}: a column whose values the database generates (SERIAL,
 * IDENTITY, AUTO_INCREMENT) added to an existing table: every existing row gets a value, so the
 * table is rewritten (PostgreSQL) or rebuilt with writes blocked (MySQL/MariaDB). SQLite cannot add
 * a PRIMARY KEY column to an existing table at all (the op fails when it runs).
 */
final class AddingAutoIncrementFieldRule extends Rule {
    AddingAutoIncrementFieldRule() {
        super("adding-auto-increment-field", Severity.WARNING, "Adding an auto-increment (SERIAL/IDENTITY) column to an existing table");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql() || target.isMysqlFamily();
    }

    @Override
    public String why(LintTarget target) {
        return target.isPostgresql()
                ? "The sequence must number every existing row, so PostgreSQL rewrites the table under an ACCESS EXCLUSIVE"
                + " lock: no reads or writes until it is done."
                : "Every existing row gets a number, so the table is rebuilt and writes wait for it (no LOCK=NONE); with"
                + " statement-based replication the replicas may also number the rows differently.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.AddColumn ac && generatesValues(ac.column()) && !ctx.isNewTable(ac.table())) {
            String t = qualified(ac.schema(), ac.table());
            ctx.report(this, "Adds generated column " + t + "." + ac.column().name() + ": every existing row is rewritten.",
                    "// build a new table with the column, copy the rows in batches while the application writes both,\n"
                            + "// then switch (the steps of renaming-table); or, for a small table, accept it:\n"
                            + "op.ignoring(" + str(id()) + ")." + Snippets.call(op) + ";");
        }
    }
}
