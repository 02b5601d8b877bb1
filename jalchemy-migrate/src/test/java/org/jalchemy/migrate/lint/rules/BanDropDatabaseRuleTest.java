package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;

class BanDropDatabaseRuleTest {
    static final String RULE = "ban-drop-database";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
    void firesOnDropDatabaseOrSchema(String dialect) {
        assertThat(fires(LintHarness.on(dialect).lint(op -> op.execute("drop database if exists shop")), RULE).message())
                .isEqualTo("Drops shop and everything in it: drop database if exists shop");
        fires(LintHarness.on(dialect).lint(op -> op.execute("DROP SCHEMA reporting CASCADE")), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void silentOnOtherStatementsInCommentsAndWhenSilenced(String dialect) {
        silent(LintHarness.on(dialect).lint(op -> op.execute("-- DROP DATABASE shop\nSELECT 'DROP DATABASE x'")), RULE);
        silenced(LintHarness.on(dialect).lint(op -> op.ignoring(RULE).execute("DROP DATABASE shop")), RULE);
    }
}
