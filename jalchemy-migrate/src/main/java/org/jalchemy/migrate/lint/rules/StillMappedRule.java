package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import java.util.List;
import java.util.Set;

import static org.jalchemy.migrate.lint.rules.Snippets.str;

/**
 * {@code still-mapped}: the op removes a table or column name (drop or rename) that the models given
 * to the linter still map, and no later op of the run brings the name back. The models are the
 * application's code at head, so the application that ships with this revision fails on that name
 * — not only the old version during the deploy. Needs the models; silent without them.
 */
final class StillMappedRule extends Rule {
    StillMappedRule() {
        super("still-mapped", Severity.ERROR, "Dropping or renaming a table or column that the models still map");
    }

    @Override
    public String why(LintTarget target) {
        return "The models (the application's entities and Tables) are the code that ships with this revision."
                + " They still name this table or column, so the new application's own statements fail on it right"
                + " after the migration: nothing but a code change repairs that.";
    }

    @Override
    public Set<String> supersedes() {
        return Set.of("drop-table", "drop-column", "renaming-table", "renaming-column");
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!ctx.hasModels()) {
            return;
        }
        switch (op) {
            case MigrateOp.DropTable dt -> table(ctx, dt.schema(), dt.name(), "Drops table");
            case MigrateOp.RenameTable rt -> table(ctx, rt.schema(), rt.name(), "Renames table");
            case MigrateOp.DropColumn dc -> column(ctx, dc.schema(), dc.table(), dc.column(), "Drops column", null);
            case MigrateOp.AlterColumn ac when ac.newName() != null && !ac.newName().equals(ac.column()) ->
                    column(ctx, ac.schema(), ac.table(), ac.column(), "Renames column", ac.newName());
            default -> {
            }
        }
    }

    private void table(LintContext ctx, String schema, String table, String verb) {
        if (ctx.modelTable(schema, table) == null || tableComesBack(ctx.laterOps(), table)) {
            return;
        }
        String t = qualified(schema, table);
        ctx.report(this, verb + " " + t + ", which the models still map: the application at this revision fails on it.",
                "// first remove " + t + " from the models (its entity or Table), or, for a rename, map the new name:\n"
                        + "//   @Entity(table = \"<new name>\")\n"
                        + "// then generate the revision again (jalchemy migrate revision --autogenerate) and deploy the code with it");
    }

    private void column(LintContext ctx, String schema, String table, String column, String verb, String newName) {
        if (ctx.modelColumn(schema, table, column) == null || columnComesBack(ctx.laterOps(), table, column)) {
            return;
        }
        String c = qualified(schema, table) + "." + column;
        String fix = newName == null
                ? "// first remove the field mapped to " + c + " from its entity (or the column from its Table), deploy that,\n"
                        + "// then drop the column in a later revision"
                : "// the models still read " + column + ": map the field to the new name, @Column(name = " + str(newName) + "),\n"
                        + "// or keep the old column name and rename only the Java field: @Column(name = " + str(column) + ")";
        ctx.report(this, verb + " " + c + ", which the models still map: the application at this revision fails on it.", fix);
    }

    private static boolean tableComesBack(List<MigrateOp> later, String table) {
        for (MigrateOp op : later) {
            if ((op instanceof MigrateOp.CreateTable ct && ct.table().name().equalsIgnoreCase(table))
                    || (op instanceof MigrateOp.RenameTable rt && rt.newName().equalsIgnoreCase(table))) {
                return true;
            }
        }
        return false;
    }

    private static boolean columnComesBack(List<MigrateOp> later, String table, String column) {
        for (MigrateOp op : later) {
            if (op instanceof MigrateOp.AddColumn ac && ac.table().equalsIgnoreCase(table)
                    && ac.column().name().equalsIgnoreCase(column)) {
                return true;
            }
            if (op instanceof MigrateOp.AlterColumn ac && ac.table().equalsIgnoreCase(table) && ac.newName() != null
                    && ac.newName().equalsIgnoreCase(column)) {
                return true;
            }
            if (op instanceof MigrateOp.CreateTable ct && ct.table().name().equalsIgnoreCase(table)
                    && ct.table().column(column) != null) {
                return true;
            }
        }
        return false;
    }
}
