package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

class RenamingColumnRuleTest {
    static final String RULE = "renaming-column";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
    void firesOnRenamingAColumn(String dialect) {
        Finding f = fires(LintHarness.on(dialect).lint(op -> op.alterColumn("users", "mail",
                c -> c.newName("email").existingType(string(120)))), RULE);
        assertThat(f.message()).isEqualTo("Renames column users.mail to email.");
        assertThat(f.recipe()).contains("@Column(name = \"mail\")")
                .contains("op.addColumn(\"users\", column(\"email\", string(120)));")
                .contains("UPDATE users SET email = mail WHERE email IS NULL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
    void silentOnTheExpandContractRecipeAndWhenSilenced(String dialect) {
        silent(LintHarness.on(dialect).lint(
                op -> op.addColumn("users", column("email", string(120))),
                op -> op.execute("UPDATE users SET email = mail WHERE email IS NULL"),
                op -> op.ignoring("drop-column").dropColumn("users", "mail")), RULE);
        silenced(LintHarness.on(dialect).lint(op -> op.ignoring(RULE).alterColumn("users", "mail", c -> c.newName("email"))), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void firesOnRawRenameAndNotOnAColumnOfANewTable(String dialect) {
        fires(LintHarness.on(dialect).lint(op -> op.execute("ALTER TABLE users RENAME COLUMN mail TO email")), RULE);
        silent(LintHarness.on(dialect).lint(op -> {
            op.createTable("t", column("id", integer()).primaryKey(), column("a", integer()));
            op.alterColumn("t", "a", c -> c.newName("b"));
        }), RULE);
    }
}
