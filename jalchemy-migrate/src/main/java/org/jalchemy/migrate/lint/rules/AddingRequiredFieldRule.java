package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;
import static org.jalchemy.migrate.lint.rules.Snippets.type;

/**
 * {@code adding-required-field}: a NOT NULL column without a server default added to an existing
 * table. PostgreSQL and SQLite refuse it when the table has rows; MySQL/MariaDB fill existing rows
 * with the type's zero value and then refuse the old code's inserts that do not name the column.
 */
final class AddingRequiredFieldRule extends Rule {
    AddingRequiredFieldRule() {
        super("adding-required-field", Severity.ERROR, "Adding a NOT NULL column without a default to an existing table");
    }

    @Override
    public String why(LintTarget target) {
        if (target.isMysqlFamily()) {
            return "MySQL and MariaDB accept it and give existing rows the type's implicit value (0, '', a zero date),"
                    + " which is rarely what the data means; and in strict mode (the default) every INSERT of the"
                    + " application version still running that does not name the new column fails with \"Field doesn't"
                    + " have a default value\".";
        }
        return "Existing rows would have NULL in the new column, so the database refuses the ALTER as soon as the table"
                + " has a row (" + (target.isSqlite() ? "SQLite: \"Cannot add a NOT NULL column with default value NULL\""
                : "PostgreSQL: \"column contains null values\"") + "): the migration works on an empty development"
                + " database and fails in production. Even when it succeeds, inserts from the application version still"
                + " running, which do not know the column, fail.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.AddColumn ac) || ctx.isNewTable(ac.table())) {
            return;
        }
        ColumnDef c = ac.column();
        if (c.isNullable() || c.serverDefault() != null || generatesValues(c)) {
            return;
        }
        String t = table(ac.schema(), ac.table());
        ctx.report(this, "Adds NOT NULL column " + qualified(ac.schema(), ac.table()) + "." + c.name() + " without a server default.",
                "// either give it a constant default (cheap on PostgreSQL 11+, MySQL 8, MariaDB 10.3+):\n"
                        + "op.addColumn(" + t + ", column(" + str(c.name()) + ", " + type(c.type()) + ").nullable(false).serverDefault(" + str(Snippets.sampleDefault(c.type())) + "));\n"
                        + "// or add it nullable, backfill it, and make it NOT NULL later (see adding-not-nullable-field):\n"
                        + "op.addColumn(" + t + ", column(" + str(c.name()) + ", " + type(c.type()) + "));");
    }
}
