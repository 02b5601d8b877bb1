package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;

/** {@code renaming-table}: renaming a table breaks every running instance that uses the old name. */
final class RenamingTableRule extends Rule {
    RenamingTableRule() {
        super("renaming-table", Severity.ERROR, "Renaming a table: code using the old name fails");
    }

    @Override
    public String why(LintTarget target) {
        return "The rename is instant, but the application instances still running the old version query the old"
                + " name and fail from the commit until they are replaced.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.RenameTable rt && !ctx.isNewTable(rt.name())) {
            String oldName = qualified(rt.schema(), rt.name());
            String view = ctx.target().isSqlite()
                    ? "// (SQLite views are read-only: old code can read through it, not write)\n" : "";
            ctx.report(this, "Renames table " + oldName + " to " + rt.newName() + ".",
                    "// simplest: keep the table name and rename only the entity class: @Entity(table = " + str(rt.name()) + ")\n"
                            + "// otherwise leave a view under the old name for the old code"
                            + (ctx.target().isPostgresql() ? " (same transaction: no gap)" : "") + ":\n"
                            + "op.ignoring(" + str(id()) + ").renameTable(" + table(rt.schema(), rt.name()) + ", " + str(rt.newName()) + ");\n"
                            + "op.execute(\"CREATE VIEW " + oldName + " AS SELECT * FROM " + qualified(rt.schema(), rt.newName()) + "\");\n"
                            + view
                            + "// once no running code uses " + rt.name() + ", in a later revision:\n"
                            + "op.execute(\"DROP VIEW " + oldName + "\");");
        }
    }
}
