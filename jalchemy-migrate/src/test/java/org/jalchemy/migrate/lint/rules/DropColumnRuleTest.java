package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

class DropColumnRuleTest {
    static final String RULE = "drop-column";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
    void firesOnDroppingAColumnOfAnExistingTable(String dialect) {
        Finding f = fires(LintHarness.on(dialect).lint(op -> op.dropColumn("app.users", "email")), RULE);
        assertThat(f.message()).isEqualTo("Drops column app.users.email and its data.");
        assertThat(f.recipe()).endsWith("op.ignoring(\"drop-column\").dropColumn(\"app.users\", \"email\");");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void silentForATableOfThisRevisionAndForTheRecipesLastStep(String dialect) {
        silent(LintHarness.on(dialect).lint(op -> {
            op.createTable("tmp", column("id", integer()).primaryKey(), column("x", string(10)));
            op.dropColumn("tmp", "x");
        }), RULE);
        silenced(LintHarness.on(dialect).lint(op -> op.ignoring(RULE).dropColumn("users", "email")), RULE);
        silenced(LintHarness.on(dialect).ignore(List.of(RULE)).lint(op -> op.dropColumn("users", "email")), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
    void firesOnRawAlterTableDropColumnButNotOnDropConstraint(String dialect) {
        assertThat(fires(LintHarness.on(dialect).lint(op -> op.execute("ALTER TABLE users DROP COLUMN IF EXISTS email CASCADE")), RULE)
                .message()).isEqualTo("Drops column users.email and its data.");
        silent(LintHarness.on(dialect).lint(op -> op.execute("ALTER TABLE users DROP CONSTRAINT uq_email")), RULE);
    }
}
