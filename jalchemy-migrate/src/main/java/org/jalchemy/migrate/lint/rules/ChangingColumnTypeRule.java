package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.table;
import static org.jalchemy.migrate.lint.rules.Snippets.type;

/**
 * {@code changing-column-type}: a type change that rewrites (PostgreSQL) or copies (MySQL/MariaDB)
 * the table, judged by {@link TypeChanges}; changes the database does in its catalog only are not
 * reported. SQLite always rebuilds, which {@code sqlite-table-rebuild} reports instead.
 */
final class ChangingColumnTypeRule extends Rule {
    ChangingColumnTypeRule() {
        super("changing-column-type", Severity.WARNING, "Changing a column type in a way that rewrites or copies the table");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return !target.isSqlite();
    }

    @Override
    public String why(LintTarget target) {
        if (target.isMysqlFamily()) {
            return "ALTER TABLE ... MODIFY with a new type copies the whole table; writes to it wait until the copy is"
                    + " done (ALGORITHM=COPY). Only a few changes are done in place: a VARCHAR that grows without"
                    + " needing a longer length prefix, an ENUM that gains values at its end.";
        }
        return "ALTER COLUMN ... TYPE rewrites every row (and rebuilds the table's indexes) under an ACCESS EXCLUSIVE"
                + " lock: no reads, no writes until it ends. Only binary-coercible changes are catalog-only: a VARCHAR"
                + " that grows or becomes TEXT, a NUMERIC whose precision grows at the same scale. The application"
                + " version still running may also not understand the new type.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.AlterColumn ac) || ac.type() == null || ctx.isNewTable(ac.table())) {
            return;
        }
        TypeChanges.Verdict v = TypeChanges.classify(ctx.target(), ac.existingType(), ac.type(), ac.using(), ac.column());
        if (v.cost() == TypeChanges.Cost.NONE || v.cost() == TypeChanges.Cost.METADATA) {
            return;
        }
        String c = qualified(ac.schema(), ac.table()) + "." + ac.column();
        String what = switch (v.cost()) {
            case CONDITIONAL -> "Changes the type of " + c + ": " + v.reason() + ".";
            case UNKNOWN -> "Changes the type of " + c + " and lint cannot tell whether that rewrites the table: " + v.reason() + ".";
            default -> "Changes the type of " + c + ": " + v.reason() + ".";
        };
        String t = table(ac.schema(), ac.table());
        String tmp = ac.column() + "_new";
        ctx.report(this, what,
                "// expand and contract: a new column, filled while the application writes both\n"
                        + "op.addColumn(" + t + ", column(" + str(tmp) + ", " + type(ac.type()) + "));\n"
                        + "// deploy code writing " + ac.column() + " and " + tmp + "; backfill in batches on a big table:\n"
                        + "op.execute(\"UPDATE " + ac.table() + " SET " + tmp + " = " + ac.column() + " WHERE " + tmp + " IS NULL\");\n"
                        + "// deploy code reading " + tmp + " (map it: @Column(name = " + str(tmp) + ")), then in a later revision:\n"
                        + "op.ignoring(\"drop-column\").dropColumn(" + t + ", " + str(ac.column()) + ");"
                        + (ctx.target().isPostgresql() ? "\n// catalog-only on PostgreSQL: VARCHAR(n) -> VARCHAR(m >= n) or TEXT, NUMERIC(p, s) -> NUMERIC(q >= p, s)" : ""));
    }
}
