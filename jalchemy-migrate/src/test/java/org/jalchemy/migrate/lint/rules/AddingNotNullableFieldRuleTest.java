package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.jalchemy.migrate.lint.LintReport;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.check;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.integer;

class AddingNotNullableFieldRuleTest {
    static final String RULE = "adding-not-nullable-field";

    @Test
    void firesOnSetNotNullOnPostgresql() {
        Finding f = fires(LintHarness.on("postgresql").lint(op -> op.alterColumn("recipe", "view_count",
                c -> c.nullable(false).existingType(bigInteger()))), RULE);
        assertThat(f.message()).isEqualTo("Sets NOT NULL on recipe.view_count: the whole table is scanned while reads and writes wait.");
        assertThat(f.recipe()).contains("op.addConstraintNotValid(\"recipe\", check(\"view_count IS NOT NULL\").named(\"ck_recipe_view_count_not_null\"));")
                .contains("op.validateConstraint(\"recipe\", \"ck_recipe_view_count_not_null\");")
                .contains("c -> c.nullable(false).existingType(bigInteger())");
        fires(LintHarness.on("postgresql").lint(op -> op.execute("ALTER TABLE recipe ALTER COLUMN view_count SET NOT NULL")), RULE);
    }

    @Test
    void silentOnTheRecipeOverTwoRevisions() {
        LintReport r = LintHarness.on("postgresql").lint(
                op -> op.addConstraintNotValid("recipe", check("view_count IS NOT NULL").named("ck_vc")),
                op -> {
                    op.validateConstraint("recipe", "ck_vc");
                    op.alterColumn("recipe", "view_count", c -> c.nullable(false));
                    op.dropConstraint("ck_vc", "recipe", ConstraintDef.Kind.CHECK);
                });
        LintHarnessRecipes.assertCleanExcept(r);
    }

    @Test
    void anUnvalidatedCheckOrACheckOnAnotherColumnOrPostgresql11DoNotCount() {
        fires(LintHarness.on("postgresql").lint(
                op -> op.addConstraintNotValid("recipe", check("view_count IS NOT NULL").named("ck_vc")),
                op -> op.alterColumn("recipe", "view_count", c -> c.nullable(false))), RULE);
        fires(LintHarness.on("postgresql").lint(
                op -> op.addConstraint("recipe", check("other IS NOT NULL").named("ck_o")),
                op -> op.alterColumn("recipe", "view_count", c -> c.nullable(false))), RULE);
        fires(LintHarness.on("postgresql", 11).lint(
                op -> op.addConstraint("recipe", check("\"view_count\" IS NOT NULL").named("ck_vc")),
                op -> op.alterColumn("recipe", "view_count", c -> c.nullable(false))), RULE);
        silent(LintHarness.on("postgresql", 12).lint(
                op -> op.addConstraint("recipe", check("(\"view_count\" is not null)").named("ck_vc")),
                op -> op.alterColumn("recipe", "view_count", c -> c.nullable(false))), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb", "sqlite"})
    void silentOnOtherDatabases(String dialect) {
        silent(LintHarness.on(dialect).lint(op -> op.alterColumn("recipe", "view_count", c -> c.nullable(false).existingType(integer()))), RULE);
    }

    @Test
    void silentOnNewTablesWhenAlreadyNotNullAndWhenSilenced() {
        LintHarness h = LintHarness.on("postgresql");
        silent(h.lint(op -> {
            op.createTable("t", column("id", integer()).primaryKey(), column("x", integer()));
            op.alterColumn("t", "x", c -> c.nullable(false));
        }), RULE);
        silent(h.lint(op -> op.alterColumn("t", "x", c -> c.nullable(false).existingNullable(false))), RULE);
        silenced(h.lint(op -> op.ignoring(RULE).alterColumn("t", "x", c -> c.nullable(false))), RULE);
    }
}
