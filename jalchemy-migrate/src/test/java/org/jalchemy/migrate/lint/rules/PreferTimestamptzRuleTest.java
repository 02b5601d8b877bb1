package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.dateTime;
import static org.jalchemy.types.SqlTypes.dateTimeTz;
import static org.jalchemy.types.SqlTypes.instant;

class PreferTimestamptzRuleTest {
    static final String RULE = "prefer-timestamptz";

    @Test
    void advisesOnTimestampWithoutTimeZoneOnPostgresql() {
        assertThat(fires(LintHarness.on("postgresql").lint(op -> op.addColumn("users", column("created_ts", dateTime()))), RULE).message())
                .isEqualTo("users.created_ts is TIMESTAMP WITHOUT TIME ZONE.");
        fires(LintHarness.on("postgresql").lint(op -> op.alterColumn("users", "created_ts", c -> c.type(dateTime()))), RULE);
    }

    @Test
    void silentOnTimestamptzElsewhereAndWhenSilenced() {
        silent(LintHarness.on("postgresql").lint(op -> op.createTable("users", column("a", dateTimeTz()), column("b", instant()))), RULE);
        silent(LintHarness.on("mariadb").lint(op -> op.addColumn("users", column("created_ts", dateTime()))), RULE);
        silenced(LintHarness.on("postgresql").lint(op -> op.ignoring(RULE).addColumn("users", column("created_ts", dateTime()))), RULE);
    }
}
