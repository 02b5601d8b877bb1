package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;

class BanTruncateCascadeRuleTest {
    static final String RULE = "ban-truncate-cascade";

    @Test
    void firesOnTruncateCascadeOnPostgresql() {
        assertThat(fires(LintHarness.on("postgresql").lint(op -> op.execute("TRUNCATE TABLE a, b CASCADE")), RULE).recipe())
                .endsWith("op.execute(\"TRUNCATE a, b\");");
    }

    @Test
    void silentWithoutCascadeElsewhereAndWhenSilenced() {
        silent(LintHarness.on("postgresql").lint(op -> op.execute("TRUNCATE a, b")), RULE);
        silent(LintHarness.on("mariadb").lint(op -> op.execute("TRUNCATE a CASCADE")), RULE);
        silenced(LintHarness.on("postgresql").lint(op -> op.ignoring(RULE).execute("TRUNCATE a CASCADE")), RULE);
    }
}
