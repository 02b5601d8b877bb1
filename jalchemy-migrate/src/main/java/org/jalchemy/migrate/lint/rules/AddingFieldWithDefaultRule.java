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
 * {@code adding-field-with-default}: a column added to an existing table with a default the database
 * must compute for every existing row. PostgreSQL 11+ stores a non-volatile default once in the
 * catalog but rewrites the table for a volatile one (before 11: for any default); MySQL copies the
 * table for an expression default, MariaDB for non-deterministic ones; SQLite refuses a non-constant
 * default when the table has rows. {@link Defaults} reads the default.
 */
final class AddingFieldWithDefaultRule extends Rule {
    AddingFieldWithDefaultRule() {
        super("adding-field-with-default", Severity.WARNING,
                "Adding a column whose default is computed per row (volatile), or any default on PostgreSQL < 11");
    }

    @Override
    public String why(LintTarget target) {
        return switch (target.family()) {
            case POSTGRESQL -> "PostgreSQL 11+ adds a column with a constant or stable default (0, 'x', now()) by storing"
                    + " the value once in the catalog; a volatile default (random(), gen_random_uuid(), clock_timestamp())"
                    + " must be computed for each row, so the table is rewritten under an ACCESS EXCLUSIVE lock. Before"
                    + " PostgreSQL 11 every default rewrote the table.";
            case MYSQL, MARIADB -> "A literal or CURRENT_TIMESTAMP default is added instantly; an expression default that"
                    + " differs per row (uuid(), and on MySQL any parenthesised expression) makes ALTER TABLE copy the"
                    + " table, blocking writes for the whole copy.";
            case SQLITE -> "SQLite only adds columns whose default is a constant: with a default such as CURRENT_TIMESTAMP"
                    + " or (expression), ADD COLUMN fails (\"Cannot add a column with non-constant default\") as soon as the"
                    + " table has a row.";
            default -> "A default computed per row makes the database write every existing row.";
        };
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!(op instanceof MigrateOp.AddColumn ac) || ac.column().serverDefault() == null || ctx.isNewTable(ac.table())) {
            return;
        }
        ColumnDef c = ac.column();
        String dflt = c.serverDefault();
        Defaults.Kind kind = Defaults.classify(dflt);
        LintTarget t = ctx.target();
        String col = qualified(ac.schema(), ac.table()) + "." + c.name();
        String problem;
        Severity severity = severity();
        switch (t.family()) {
            case POSTGRESQL -> {
                if (!t.atLeast(11, 0)) {
                    problem = "before PostgreSQL 11 any default rewrites the table";
                } else if (kind == Defaults.Kind.VOLATILE) {
                    problem = Defaults.firstDoubtful(dflt) + " is volatile: the table is rewritten";
                } else if (kind == Defaults.Kind.UNKNOWN) {
                    problem = "lint does not know whether " + Defaults.firstDoubtful(dflt) + " is volatile; if it is, the table is rewritten";
                } else {
                    return;
                }
            }
            case MYSQL -> {
                if (kind == Defaults.Kind.LITERAL || Defaults.isValueKeyword(dflt) || isNow(dflt)) {
                    return;
                }
                problem = "an expression default makes MySQL copy the table";
            }
            case MARIADB -> {
                if (kind != Defaults.Kind.VOLATILE && kind != Defaults.Kind.UNKNOWN) {
                    return;
                }
                problem = Defaults.firstDoubtful(dflt) + " may differ per row: MariaDB may copy the table";
            }
            case SQLITE -> {
                if (kind == Defaults.Kind.LITERAL) {
                    return;
                }
                severity = Severity.ERROR;
                problem = "SQLite refuses a non-constant default on a table with rows";
            }
            default -> {
                if (kind != Defaults.Kind.VOLATILE && kind != Defaults.Kind.UNKNOWN) {
                    return;
                }
                problem = "the default is computed per row";
            }
        }
        String tbl = table(ac.schema(), ac.table());
        String recipe = t.isSqlite()
                ? "// add the column without that default, then fill it:\n"
                + "op.addColumn(" + tbl + ", column(" + str(c.name()) + ", " + type(c.type()) + "));\n"
                + "op.execute(\"UPDATE " + ac.table() + " SET " + c.name() + " = " + dflt + "\");\n"
                + "// a column default for new rows needs the table rebuilt: op.batchAlterTable(" + tbl + ", batch -> batch.alterColumn(...))"
                : "// add the column without a default (no rewrite), then set the default for new rows only:\n"
                + "op.addColumn(" + tbl + ", column(" + str(c.name()) + ", " + type(c.type()) + "));\n"
                + "op.alterColumn(" + tbl + ", " + str(c.name()) + ", c -> c.serverDefault(" + str(dflt) + ")"
                + (t.isMysqlFamily() ? ".existingType(" + type(c.type()) + ")" : "") + ");\n"
                + "// backfill existing rows in batches (UPDATE ... WHERE " + c.name() + " IS NULL), then NOT NULL if needed"
                + " (see adding-not-nullable-field)";
        ctx.report(this, severity, "Adds " + col + " with DEFAULT " + dflt + ": " + problem + ".", recipe);
    }

    private static boolean isNow(String dflt) {
        String s = dflt.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        return s.equals("now()") || s.equals("current_timestamp()") || s.startsWith("current_timestamp(");
    }
}
