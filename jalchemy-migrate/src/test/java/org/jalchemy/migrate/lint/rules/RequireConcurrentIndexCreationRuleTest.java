package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.Ddl.index;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

class RequireConcurrentIndexCreationRuleTest {
    static final String RULE = "require-concurrent-index-creation";

    @Test
    void firesOnAPlainIndexOnAnExistingTable() {
        Finding f = fires(LintHarness.on("postgresql").lint(op -> op.createIndex("email_idx", "app_user", "email")), RULE);
        assertThat(f.message()).isEqualTo("Builds index email_idx on app_user while writes to it wait.");
        assertThat(f.recipe()).startsWith("op.createIndex(index(\"email_idx\", \"email\").on(\"app_user\").concurrently());");
        fires(LintHarness.on("postgresql").lint(op -> op.addColumn("app_user", column("code", string(10)).index())), RULE);
        fires(LintHarness.on("postgresql").lint(op -> op.execute("CREATE UNIQUE INDEX IF NOT EXISTS ix ON app.app_user USING btree (lower(email))")), RULE);
    }

    @Test
    void silentOnConcurrentlyOnTablesOfThisRevisionAndWhenSilenced() {
        LintHarness pg = LintHarness.on("postgresql");
        silent(pg.lint(op -> op.createIndex(index("email_idx", "email").on("app_user").concurrently())), RULE);
        silent(pg.lint(op -> op.execute("CREATE INDEX CONCURRENTLY email_idx ON app_user (email)")), RULE);
        silent(pg.lint(op -> {
            op.createTable("app_user", column("id", integer()).primaryKey(), column("email", string(100)));
            op.createIndex("email_idx", "app_user", "email");
        }), RULE);
        silenced(pg.lint(op -> op.ignoring(RULE).createIndex("email_idx", "app_user", "email")), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb", "sqlite"})
    void silentWhereIndexesAreBuiltOnlineOrThereIsNoConcurrently(String dialect) {
        silent(LintHarness.on(dialect).lint(op -> op.createIndex("email_idx", "app_user", "email")), RULE);
    }
}
