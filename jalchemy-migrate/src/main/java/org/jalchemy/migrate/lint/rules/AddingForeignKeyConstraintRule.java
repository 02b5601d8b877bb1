package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.MigrateOp;

import java.util.List;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;

/**
 * {@code adding-foreign-key-constraint}: a foreign key added to an existing table, directly or with an
 * added column. PostgreSQL: flagged unless added {@code NOT VALID}; MySQL/MariaDB: always (the table is
 * copied while {@code foreign_key_checks} is on). On SQLite the table is rebuilt ({@code sqlite-table-rebuild}).
 */
final class AddingForeignKeyConstraintRule extends Rule {
    AddingForeignKeyConstraintRule() {
        super("adding-foreign-key-constraint", Severity.WARNING, "Adding a foreign key to an existing table with validation");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql() || target.isMysqlFamily();
    }

    @Override
    public String why(LintTarget target) {
        if (target.isMysqlFamily()) {
            return "With foreign_key_checks on, ALTER TABLE ... ADD FOREIGN KEY copies the table (ALGORITHM=COPY) to check"
                    + " every row, and writes to it wait for the whole copy. With foreign_key_checks off it is done in"
                    + " place, but then existing rows are not checked at all.";
        }
        return "Adding a foreign key takes SHARE ROW EXCLUSIVE locks on both tables and scans the referencing table to"
                + " check every row: writes to both tables wait for the whole scan. Added NOT VALID, the constraint"
                + " applies to new rows at once, and VALIDATE CONSTRAINT checks the old rows later while writes go on.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        LintTarget t = ctx.target();
        if (op instanceof MigrateOp.AddConstraint ac && ac.constraint() instanceof ConstraintDef.ForeignKey fk
                && !ctx.isNewTable(ac.table()) && (t.isMysqlFamily() || !ac.notValid())) {
            report(ctx, ac.schema(), ac.table(), fk, null);
        } else if (op instanceof MigrateOp.AddColumn ac && ac.column().foreignKey() != null && !ctx.isNewTable(ac.table())) {
            ColumnDef c = ac.column();
            String target = c.foreignKey();
            int dot = target.lastIndexOf('.');
            String refTable = dot < 0 ? target : target.substring(0, dot);
            List<String> refCols = dot < 0 ? List.of() : List.of(target.substring(dot + 1));
            int sdot = refTable.indexOf('.');
            ConstraintDef.ForeignKey fk = new ConstraintDef.ForeignKey(null, List.of(c.name()),
                    sdot < 0 ? null : refTable.substring(0, sdot), sdot < 0 ? refTable : refTable.substring(sdot + 1), refCols,
                    c.onDelete(), null);
            report(ctx, ac.schema(), ac.table(), fk, c);
        }
    }

    private void report(LintContext ctx, String schema, String table, ConstraintDef.ForeignKey fk, ColumnDef added) {
        String name = fk.name() != null ? fk.name() : Snippets.name("fk", table, fk.columns());
        String tbl = table(schema, table);
        String first = added == null ? "" : "op.addColumn(" + tbl + ", " + Snippets.plainColumn(added) + ");\n";
        String recipe = ctx.target().isPostgresql()
                ? first + "op.addConstraintNotValid(" + tbl + ", " + Snippets.constraint(fk, name) + ");\n"
                + "// in a later revision, in its own transaction (transaction_per_revision = true):\n"
                + "op.validateConstraint(" + tbl + ", " + str(name) + ");"
                : first + "// only if every existing row is known to be valid (the check is skipped, the table is not copied):\n"
                + "op.execute(\"SET foreign_key_checks = 0\");\n"
                + "op.ignoring(" + str(id()) + ").addConstraint(" + tbl + ", " + Snippets.constraint(fk, name) + ");\n"
                + "op.execute(\"SET foreign_key_checks = 1\");";
        ctx.report(this, "Adds foreign key " + (fk.name() == null ? "" : fk.name() + " ") + "on " + qualified(schema, table)
                        + "(" + String.join(", ", fk.columns()) + ") -> " + fk.referredTable()
                        + (ctx.target().isPostgresql() ? ", validating every row while writes to both tables wait."
                        : ": the table is copied while writes wait."),
                recipe);
    }
}
