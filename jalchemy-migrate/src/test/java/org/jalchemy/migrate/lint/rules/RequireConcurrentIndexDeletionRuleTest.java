package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;

class RequireConcurrentIndexDeletionRuleTest {
    static final String RULE = "require-concurrent-index-deletion";

    @Test
    void firesOnAPlainDropIndexOnPostgresql() {
        assertThat(fires(LintHarness.on("postgresql").lint(op -> op.dropIndex("email_idx", "app_user")), RULE).recipe())
                .isEqualTo("op.dropIndexConcurrently(\"email_idx\", \"app_user\");");
        assertThat(fires(LintHarness.on("postgresql").lint(op -> op.execute("DROP INDEX app.email_idx")), RULE).message())
                .isEqualTo("Drops index email_idx under an ACCESS EXCLUSIVE lock.");
    }

    @Test
    void silentOnTheRecipeElsewhereAndWhenSilenced() {
        silent(LintHarness.on("postgresql").lint(op -> op.dropIndexConcurrently("email_idx", "app_user")), RULE);
        silent(LintHarness.on("postgresql").lint(op -> op.execute("DROP INDEX CONCURRENTLY IF EXISTS email_idx")), RULE);
        silent(LintHarness.on("mariadb").lint(op -> op.dropIndex("email_idx", "app_user")), RULE);
        silenced(LintHarness.on("postgresql").lint(op -> op.ignoring(RULE).dropIndex("email_idx", "app_user")), RULE);
    }
}
