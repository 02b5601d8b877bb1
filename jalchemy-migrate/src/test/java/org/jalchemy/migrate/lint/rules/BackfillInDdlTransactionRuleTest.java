package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.text;

class BackfillInDdlTransactionRuleTest {
    static final String RULE = "backfill-in-ddl-transaction";

    @Test
    void firesOnAnUpdateAfterAlteringTheTableInTheSameRevision() {
        assertThat(fires(LintHarness.on("postgresql").lint(op -> {
            op.addColumn("users", column("some_column", text()));
            op.execute("UPDATE users SET some_column = 'default_value'");
        }), RULE).message()).startsWith("Changes rows of users after altering it in the same transaction");
        fires(LintHarness.on("postgresql").lint(op -> {                 // a Core statement is compiled and read the same way
            op.addColumn("users", column("some_column", text()));
            op.execute(org.jalchemy.sql.Sql.text("UPDATE users SET some_column = :v"));
        }), RULE);
    }

    @Test
    void silentInALaterRevisionOnANewTableOnOtherTablesElsewhereAndWhenSilenced() {
        silent(LintHarness.on("postgresql").lint(
                op -> op.addColumn("users", column("some_column", text())),
                op -> op.execute("UPDATE users SET some_column = 'v' WHERE id IN (SELECT id FROM users WHERE some_column IS NULL LIMIT 5000)")), RULE);
        silent(LintHarness.on("postgresql").lint(op -> {
            op.createTable("lookup", column("id", integer()).primaryKey());
            op.execute("INSERT INTO lookup (id) SELECT id FROM users");
        }), RULE);
        silent(LintHarness.on("postgresql").lint(op -> {
            op.addColumn("users", column("c", text()));
            op.execute("UPDATE orders SET total = 0");
        }), RULE);
        silent(LintHarness.on("mariadb").lint(op -> {
            op.addColumn("users", column("c", text()));
            op.execute("UPDATE users SET c = 'x'");
        }), RULE);
        silenced(LintHarness.on("postgresql").lint(op -> {
            op.addColumn("users", column("c", text()));
            op.ignoring(RULE).execute("UPDATE users SET c = 'x'");
        }), RULE);
    }
}
