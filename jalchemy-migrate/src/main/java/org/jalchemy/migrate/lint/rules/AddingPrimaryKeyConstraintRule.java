package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.MigrateOp;

/** {@code adding-primary-key-constraint} (PostgreSQL): a primary key added to an existing table builds its index under an ACCESS EXCLUSIVE lock. */
final class AddingPrimaryKeyConstraintRule extends Rule {
    AddingPrimaryKeyConstraintRule() {
        super("adding-primary-key-constraint", Severity.WARNING, "Adding a primary key to an existing table (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "ADD PRIMARY KEY builds a unique index (and checks NOT NULL) while holding an ACCESS EXCLUSIVE lock: no"
                + " reads or writes until it is done. Build the unique index CONCURRENTLY first, then ADD CONSTRAINT ..."
                + " PRIMARY KEY USING INDEX takes the lock only for an instant (it still scans for NULLs unless the"
                + " columns are already NOT NULL).";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.AddConstraint ac && ac.constraint() instanceof ConstraintDef.PrimaryKey pk && !ctx.isNewTable(ac.table())) {
            String t = qualified(ac.schema(), ac.table());
            String ix = Snippets.name("uq", ac.table(), pk.columns());
            String name = pk.name() != null ? pk.name() : "pk_" + ac.table();
            ctx.report(this, "Adds a primary key on " + t + "(" + String.join(", ", pk.columns())
                            + "), building its index while the table can be neither read nor written.",
                    RequireConcurrentIndexCreationRule.recipe(ac.schema(), ac.table(), ix, pk.columns(), true) + "\n"
                            + "op.execute(\"ALTER TABLE " + t + " ADD CONSTRAINT " + name + " PRIMARY KEY USING INDEX " + ix + "\");");
        }
    }
}
