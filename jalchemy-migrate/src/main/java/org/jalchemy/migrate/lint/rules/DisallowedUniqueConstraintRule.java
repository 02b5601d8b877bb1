package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.MigrateOp;

import java.util.List;

import static org.jalchemy.migrate.lint.rules.Snippets.table;

/**
 * {@code disallowed-unique-constraint} (PostgreSQL): a UNIQUE constraint added to an existing table
 * (directly or with an added {@code .unique()} column) builds its index under an ACCESS EXCLUSIVE
 * lock. MySQL/MariaDB build unique indexes online.
 */
final class DisallowedUniqueConstraintRule extends Rule {
    DisallowedUniqueConstraintRule() {
        super("disallowed-unique-constraint", Severity.WARNING, "Adding a UNIQUE constraint to an existing table (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "ADD CONSTRAINT ... UNIQUE builds a unique index while holding an ACCESS EXCLUSIVE lock: the table can be"
                + " neither read nor written until the index is complete. Build the unique index CONCURRENTLY first; it"
                + " enforces uniqueness by itself, and ADD CONSTRAINT ... UNIQUE USING INDEX turns it into a constraint"
                + " in an instant.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.AddConstraint ac && ac.constraint() instanceof ConstraintDef.Unique u && !ctx.isNewTable(ac.table())) {
            report(ctx, ac.schema(), ac.table(), u.name(), u.columns(), null);
        } else if (op instanceof MigrateOp.AddColumn ac && ac.column().isUnique() && !ctx.isNewTable(ac.table())) {
            report(ctx, ac.schema(), ac.table(), null, List.of(ac.column().name()),
                    "op.addColumn(" + table(ac.schema(), ac.table()) + ", " + Snippets.plainColumn(ac.column()) + ");\n");
        }
    }

    private void report(LintContext ctx, String schema, String table, String name, List<String> columns, String first) {
        String n = name != null ? name : Snippets.name("uq", table, columns);
        String t = qualified(schema, table);
        ctx.report(this, "Adds a unique constraint on " + t + "(" + String.join(", ", columns)
                        + "), building its index while the table can be neither read nor written.",
                (first == null ? "" : first)
                        + RequireConcurrentIndexCreationRule.recipe(schema, table, n, columns, true) + "\n"
                        + "// the unique index already enforces it; to have a named constraint too, in a later revision:\n"
                        + "op.execute(\"ALTER TABLE " + t + " ADD CONSTRAINT " + n + " UNIQUE USING INDEX " + n + "\");");
    }
}
