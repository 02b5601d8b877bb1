package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.jalchemy.migrate.lint.LintReport;
import org.jalchemy.migrate.ops.MigrateOp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

class SqliteTableRebuildRuleTest {
    static final String RULE = "sqlite-table-rebuild";

    @Test
    void firesOnceForABatchThatRebuildsAndOnceForEachBareOpThatDoes() {
        LintReport r = LintHarness.on("sqlite").lint(op -> op.batchAlterTable("users", b -> {
            b.alterColumn("email", c -> c.type(string(200)).existingType(string(100)));
            b.alterColumn("name", c -> c.nullable(false));
        }));
        assertThat(fires(r, RULE).message()).startsWith("Rebuilds users (alter column users.email type String(200))");
        Finding bare = fires(LintHarness.on("sqlite").lint(op -> op.alterColumn("users", "email", c -> c.nullable(false))), RULE);
        assertThat(bare.recipe()).endsWith("op.batchAlterTable(\"users\", batch -> batch.alterColumn(\"email\", c -> c.nullable(false)));");
        fires(LintHarness.on("sqlite").lint(op -> op.createUniqueConstraint("uq", "users", "email")), RULE);
        fires(LintHarness.on("sqlite").lint(op -> op.batchAlterTable("users", MigrateOp.Recreate.ALWAYS, b -> b.addColumn(column("x", integer())))), RULE);
    }

    @Test
    void silentForPlainAlterTableNewTablesNeverOtherDatabasesAndWhenSilenced() {
        silent(LintHarness.on("sqlite").lint(op -> {
            op.addColumn("users", column("x", integer()));
            op.alterColumn("users", "a", c -> c.newName("b"));
            op.batchAlterTable("users", b -> b.addColumn(column("y", integer())));
            op.batchAlterTable("users", MigrateOp.Recreate.NEVER, b -> b.alterColumn("a", c -> c.nullable(false)));
        }), RULE);
        silent(LintHarness.on("sqlite").lint(op -> {
            op.createTable("t", column("id", integer()).primaryKey());
            op.alterColumn("t", "id", c -> c.type(string(10)));
        }), RULE);
        silent(LintHarness.on("postgresql").lint(op -> op.batchAlterTable("users", MigrateOp.Recreate.ALWAYS, b -> { })), RULE);
        silenced(LintHarness.on("sqlite").lint(op -> op.ignoring(RULE).alterColumn("users", "email", c -> c.nullable(false))), RULE);
    }
}
