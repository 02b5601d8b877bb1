package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.SmallIntegerType;

/**
 * {@code prefer-bigint-over-int} (advice; PostgreSQL, MySQL/MariaDB): a new generated primary key of
 * type INTEGER or SMALLINT. Narrower than squawk's rule of the same name, which flags every integer
 * column: an id sequence is what actually runs out.
 */
final class PreferBigintOverIntRule extends Rule {
    PreferBigintOverIntRule() {
        super("prefer-bigint-over-int", Severity.ADVICE, "A generated primary key narrower than BIGINT");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql() || target.isMysqlFamily();
    }

    @Override
    public String why(LintTarget target) {
        return "A 32-bit id runs out at about 2.1 billion rows (SMALLINT at 32,767), and sequences also burn values on"
                + " rolled-back inserts. Widening the key later is a table rewrite plus the same change on every foreign"
                + " key that points at it; 4 more bytes per row now cost far less.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        switch (op) {
            case MigrateOp.CreateTable ct -> {
                for (ColumnDef c : ct.table().columns()) {
                    flag(ctx, ct.table().name(), c);
                }
            }
            case MigrateOp.AddColumn ac -> flag(ctx, ac.table(), ac.column());
            default -> {
            }
        }
    }

    private void flag(LintContext ctx, String table, ColumnDef c) {
        if ((c.type() instanceof IntegerType || c.type() instanceof SmallIntegerType) && c.isPrimaryKey() && generatesValues(c)) {
            ctx.report(this, "Primary key " + table + "." + c.name() + " is " + (c.type() instanceof SmallIntegerType ? "SMALLINT" : "INTEGER")
                            + ": ids run out at "
                            + (c.type() instanceof SmallIntegerType ? "32,767." : "2,147,483,647."),
                    "// declare it column(" + Snippets.str(c.name()) + ", bigInteger()).primaryKey(), and Long in the entity");
        }
    }
}
