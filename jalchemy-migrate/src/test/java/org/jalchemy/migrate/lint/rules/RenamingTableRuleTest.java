package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;

class RenamingTableRuleTest {
    static final String RULE = "renaming-table";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
    void firesOnRenamingATableWithTheViewRecipe(String dialect) {
        Finding f = fires(LintHarness.on(dialect).lint(op -> op.renameTable("user_stars", "user_favorites")), RULE);
        assertThat(f.message()).isEqualTo("Renames table user_stars to user_favorites.");
        assertThat(f.recipe()).contains("op.execute(\"CREATE VIEW user_stars AS SELECT * FROM user_favorites\");")
                .contains("op.execute(\"DROP VIEW user_stars\");");
        assertThat(f.recipe().contains("read-only")).isEqualTo(dialect.equals("sqlite"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void theRecipeIsSilentOnceTheRenameIsWaivedAndRawRenamesCount(String dialect) {
        LintHarnessRecipes.assertCleanExcept(LintHarness.on(dialect).lint(op -> {
            op.ignoring(RULE).renameTable("user_stars", "user_favorites");
            op.execute("CREATE VIEW user_stars AS SELECT * FROM user_favorites");
        }, op -> op.execute("DROP VIEW user_stars")));
        silenced(LintHarness.on(dialect).lint(op -> op.ignoring(RULE).renameTable("a", "b")), RULE);
        fires(LintHarness.on(dialect).lint(op -> op.execute("ALTER TABLE a RENAME TO b")), RULE);
    }
}
