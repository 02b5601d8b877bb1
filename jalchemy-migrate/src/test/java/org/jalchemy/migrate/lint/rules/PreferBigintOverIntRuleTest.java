package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.jalchemy.migrate.lint.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.smallInteger;

class PreferBigintOverIntRuleTest {
    static final String RULE = "prefer-bigint-over-int";

    @Test
    void advisesOnIntegerGeneratedKeys() {
        Finding f = fires(LintHarness.on("postgresql").lint(op -> op.createTable("posts", column("id", integer()).primaryKey())), RULE);
        assertThat(f.severity()).isEqualTo(Severity.ADVICE);
        assertThat(f.message()).isEqualTo("Primary key posts.id is INTEGER: ids run out at 2,147,483,647.");
        fires(LintHarness.on("mariadb").lint(op -> op.createTable("codes", column("id", smallInteger()).primaryKey())), RULE);
    }

    @Test
    void silentOnBigintOnPlainIntegerColumnsOnSqliteAndWhenSilenced() {
        silent(LintHarness.on("postgresql").lint(op -> op.createTable("posts", column("id", bigInteger()).primaryKey(),
                column("views", integer()))), RULE);
        silent(LintHarness.on("sqlite").lint(op -> op.createTable("posts", column("id", integer()).primaryKey())), RULE);
        silenced(LintHarness.on("postgresql").lint(op -> op.ignoring(RULE).createTable("posts", column("id", integer()).primaryKey())), RULE);
    }
}
