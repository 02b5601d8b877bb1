package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;
import static org.jalchemy.migrate.lint.rules.Snippets.type;

/** {@code renaming-column}: renaming a column breaks every running instance that uses the old name. */
final class RenamingColumnRule extends Rule {
    RenamingColumnRule() {
        super("renaming-column", Severity.ERROR, "Renaming a column: code using the old name fails");
    }

    @Override
    public String why(LintTarget target) {
        return "The rename is instant, but there is no moment when old and new application code both work: the"
                + " instances still running the old version fail on the old name from the commit on, and the new version"
                + " fails on the new name until the revision has run.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.AlterColumn ac && ac.newName() != null && !ac.newName().equals(ac.column())
                && !ctx.isNewTable(ac.table())) {
            String t = table(ac.schema(), ac.table());
            String c = qualified(ac.schema(), ac.table()) + "." + ac.column();
            ctx.report(this, "Renames column " + c + " to " + ac.newName() + ".",
                    "// simplest: keep the column name and rename only the Java field: @Column(name = " + str(ac.column()) + ")\n"
                            + "// otherwise expand and contract over several deploys:\n"
                            + "op.addColumn(" + t + ", column(" + str(ac.newName()) + ", " + type(ac.existingType()) + "));\n"
                            + "// deploy code that writes both columns, then copy the old values (in batches on a big table):\n"
                            + "op.execute(\"UPDATE " + ac.table() + " SET " + ac.newName() + " = " + ac.column() + " WHERE "
                            + ac.newName() + " IS NULL\");\n"
                            + "// deploy code that reads only " + ac.newName() + ", then in a later revision:\n"
                            + "op.ignoring(\"drop-column\").dropColumn(" + t + ", " + str(ac.column()) + ");");
        }
    }
}
