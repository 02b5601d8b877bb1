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
import static org.jalchemy.types.SqlTypes.text;

class DisallowedUniqueConstraintRuleTest {
    static final String RULE = "disallowed-unique-constraint";

    @Test
    void postgresqlFlagsAUniqueConstraintOnAnExistingTable() {
        Finding f = fires(LintHarness.on("postgresql").lint(op -> op.createUniqueConstraint("dist_id_uniq", "distributors", "dist_id")), RULE);
        assertThat(f.recipe()).startsWith("op.createIndex(index(\"dist_id_uniq\", \"dist_id\").on(\"distributors\").unique().concurrently());")
                .contains("op.execute(\"ALTER TABLE distributors ADD CONSTRAINT dist_id_uniq UNIQUE USING INDEX dist_id_uniq\");");
        assertThat(fires(LintHarness.on("postgresql").lint(op -> op.addColumn("distributors", column("dist_id", text()).unique())), RULE)
                .recipe()).startsWith("op.addColumn(\"distributors\", column(\"dist_id\", text()));");
        fires(LintHarness.on("postgresql").lint(op -> op.execute("ALTER TABLE distributors ADD CONSTRAINT dist_id_uniq UNIQUE (dist_id)")), RULE);
    }

    @Test
    void postgresqlIsSilentOnTheRecipe() {
        LintHarnessRecipes.assertCleanExcept(LintHarness.on("postgresql").lint(
                op -> op.createIndex(index("dist_id_uniq", "dist_id").on("distributors").unique().concurrently()),
                op -> op.execute("ALTER TABLE distributors ADD CONSTRAINT dist_id_uniq UNIQUE USING INDEX dist_id_uniq")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb", "sqlite"})
    void silentWhereUniqueIndexesAreBuiltOnline(String dialect) {
        silent(LintHarness.on(dialect).lint(op -> op.createUniqueConstraint("u", "distributors", "dist_id")), RULE);
    }

    @Test
    void silencedPerOp() {
        silenced(LintHarness.on("postgresql").lint(op -> op.ignoring(RULE).createUniqueConstraint("u", "distributors", "dist_id")), RULE);
    }
}
