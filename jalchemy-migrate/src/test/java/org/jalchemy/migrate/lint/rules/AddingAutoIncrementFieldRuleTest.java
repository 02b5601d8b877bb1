package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.integer;

class AddingAutoIncrementFieldRuleTest {
    static final String RULE = "adding-auto-increment-field";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb"})
    void firesOnAGeneratedColumnAddedToAnExistingTable(String dialect) {
        assertThat(fires(LintHarness.on(dialect).lint(op -> op.addColumn("cities_users", column("id", bigInteger()).autoincrement(true))), RULE)
                .message()).isEqualTo("Adds generated column cities_users.id: every existing row is rewritten.");
        fires(LintHarness.on(dialect).lint(op -> op.execute("ALTER TABLE cities_users ADD COLUMN id bigserial")), RULE);
    }

    @Test
    void silentForPlainIntegersNewTablesSqliteAndWhenSilenced() {
        LintHarness pg = LintHarness.on("postgresql");
        silent(pg.lint(op -> op.addColumn("t", column("n", integer()))), RULE);
        silent(pg.lint(op -> op.addColumn("t", column("n", integer()).primaryKey().autoincrement(false).serverDefault("0"))), RULE);
        silent(pg.lint(op -> {
            op.createTable("t", column("x", integer()));
            op.addColumn("t", column("id", bigInteger()).autoincrement(true));
        }), RULE);
        silent(LintHarness.on("sqlite").lint(op -> op.addColumn("t", column("id", bigInteger()).autoincrement(true))), RULE);
        silenced(pg.lint(op -> op.ignoring(RULE).addColumn("t", column("id", bigInteger()).autoincrement(true))), RULE);
    }
}
