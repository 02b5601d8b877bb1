package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.MigrateOp;

import java.util.List;

import static org.jalchemy.migrate.lint.rules.Snippets.str;
import static org.jalchemy.migrate.lint.rules.Snippets.strs;
import static org.jalchemy.migrate.lint.rules.Snippets.table;

/**
 * {@code require-concurrent-index-creation} (PostgreSQL): an index built without
 * {@code CONCURRENTLY} on a table that existed before this revision — including the index an
 * {@code addColumn} with {@code .index()} creates. Indexes on tables created earlier in the same
 * revision are fine: nobody uses those tables yet. MySQL/MariaDB build indexes online already.
 */
final class RequireConcurrentIndexCreationRule extends Rule {
    RequireConcurrentIndexCreationRule() {
        super("require-concurrent-index-creation", Severity.WARNING, "Creating an index without CONCURRENTLY (PostgreSQL)");
    }

    @Override
    public boolean appliesTo(LintTarget target) {
        return target.isPostgresql();
    }

    @Override
    public String why(LintTarget target) {
        return "CREATE INDEX takes a SHARE lock: reads continue but every INSERT, UPDATE and DELETE on the table waits"
                + " until the whole index is built. CREATE INDEX CONCURRENTLY builds it while writes go on (it takes"
                + " longer and cannot run inside a transaction; jalchemy runs it outside the revision's transaction).";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (op instanceof MigrateOp.CreateIndex ci && !ci.index().isConcurrently() && !ctx.isNewTable(ci.index().table())) {
            IndexDef ix = ci.index();
            ctx.report(this, "Builds " + (ix.isUnique() ? "unique " : "") + "index " + ix.name() + " on "
                            + qualified(ix.schema(), ix.table()) + " while writes to it wait.",
                    recipe(ix.schema(), ix.table(), ix.name(), ix.elements(), ix.isUnique()));
        } else if (op instanceof MigrateOp.AddColumn ac && ac.column().isIndexed() && !ac.column().isUnique()
                && !ctx.isNewTable(ac.table())) {
            ColumnDef c = ac.column();
            String name = Snippets.name("ix", ac.table(), List.of(c.name()));
            ctx.report(this, "Adds " + qualified(ac.schema(), ac.table()) + "." + c.name()
                            + " with an index built while writes to the table wait.",
                    "op.addColumn(" + table(ac.schema(), ac.table()) + ", " + Snippets.plainColumn(c) + ");\n"
                            + recipe(ac.schema(), ac.table(), name, List.of(c.name()), false));
        }
    }

    static String recipe(String schema, String table, String name, List<String> elements, boolean unique) {
        String n = name != null ? name : Snippets.name(unique ? "uq" : "ix", table, elements);
        return "op.createIndex(index(" + str(n) + ", " + strs(elements) + ").on(" + table(schema, table) + ")"
                + (unique ? ".unique()" : "") + ".concurrently());\n"
                + "// if it fails it leaves an INVALID index: op.dropIndexConcurrently(" + str(n) + ", " + table(schema, table)
                + ") before running it again";
    }
}
