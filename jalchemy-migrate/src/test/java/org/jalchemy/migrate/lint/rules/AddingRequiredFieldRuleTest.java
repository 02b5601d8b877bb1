package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.jalchemy.migrate.lint.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.booleanType;
import static org.jalchemy.types.SqlTypes.integer;

class AddingRequiredFieldRuleTest {
    static final String RULE = "adding-required-field";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
    void firesOnANotNullColumnWithoutDefault(String dialect) {
        Finding f = fires(LintHarness.on(dialect).lint(op -> op.addColumn("recipe", column("public", booleanType()).nullable(false))), RULE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.recipe()).contains("op.addColumn(\"recipe\", column(\"public\", booleanType()).nullable(false).serverDefault(\"false\"));")
                .contains("op.addColumn(\"recipe\", column(\"public\", booleanType()));");
        assertThat(f.why()).contains(dialect.startsWith("m") ? "implicit value" : "refuses the ALTER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
    void silentOnTheRecipesAndOnNewTables(String dialect) {
        LintHarness h = LintHarness.on(dialect);
        silent(h.lint(op -> op.addColumn("recipe", column("public", booleanType()).nullable(false).serverDefault("false"))), RULE);
        silent(h.lint(op -> op.addColumn("recipe", column("public", booleanType()))), RULE);
        silent(h.lint(op -> {
            op.createTable("t", column("id", integer()).primaryKey());
            op.addColumn("t", column("x", integer()).nullable(false));
        }), RULE);
        silent(h.lint(op -> op.addColumn("t", column("id2", bigInteger()).autoincrement(true).nullable(false))), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void silencedPerOpAndByConfigAndSeenInRawSql(String dialect) {
        silenced(LintHarness.on(dialect).lint(op -> op.ignoring(RULE).addColumn("r", column("p", integer()).nullable(false))), RULE);
        silenced(LintHarness.on(dialect).ignore(List.of(RULE)).lint(op -> op.addColumn("r", column("p", integer()).nullable(false))), RULE);
        fires(LintHarness.on(dialect).lint(op -> op.execute("ALTER TABLE r ADD COLUMN p integer NOT NULL")), RULE);
        silent(LintHarness.on(dialect).lint(op -> op.execute("ALTER TABLE r ADD COLUMN p integer NOT NULL DEFAULT 0")), RULE);
    }
}
