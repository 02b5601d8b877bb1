package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.types.DateTimeType;

/** {@code prefer-timestamptz} (advice; PostgreSQL): a new TIMESTAMP (without time zone) column, from {@code dateTime()} / {@code LocalDateTime}. */
final class PreferTimestamptzRule extends Rule {
    PreferTimestamptzRule() {
        super("prefer-timestamptz", Severity.ADVICE, "TIMESTAMP without time zone for a new column (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "TIMESTAMP keeps a wall-clock reading with no offset: values written from servers or sessions in different"
                + " time zones cannot be compared, and daylight-saving changes make some readings ambiguous."
                + " TIMESTAMPTZ stores an instant. Keep TIMESTAMP for values that really are local (opening hours).";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        switch (op) {
            case MigrateOp.CreateTable ct -> {
                for (ColumnDef c : ct.table().columns()) {
                    if (c.type() instanceof DateTimeType) {
                        report(ctx, ct.table().name(), c.name());
                    }
                }
            }
            case MigrateOp.AddColumn ac when ac.column().type() instanceof DateTimeType -> report(ctx, ac.table(), ac.column().name());
            case MigrateOp.AlterColumn ac when ac.type() instanceof DateTimeType -> report(ctx, ac.table(), ac.column());
            default -> {
            }
        }
    }

    private void report(LintContext ctx, String table, String column) {
        ctx.report(this, table + "." + column + " is TIMESTAMP WITHOUT TIME ZONE.",
                "// declare it column(" + Snippets.str(column) + ", dateTimeTz()) (OffsetDateTime), or instant() (Instant)");
    }
}
