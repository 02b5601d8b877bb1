package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.Ddl.foreignKey;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.integer;

class AddingForeignKeyConstraintRuleTest {
    static final String RULE = "adding-foreign-key-constraint";

    @Test
    void postgresqlFlagsAValidatingForeignKeyAndRecommendsNotValidThenValidate() {
        Finding f = fires(LintHarness.on("postgresql").lint(op -> op.createForeignKey("fk_user", "email", "user",
                List.of("user_id"), List.of("id"))), RULE);
        assertThat(f.message()).isEqualTo("Adds foreign key fk_user on email(user_id) -> user, validating every row while writes to both tables wait.");
        assertThat(f.recipe()).isEqualTo("""
                op.addConstraintNotValid("email", foreignKey("user_id").references("user", "id").named("fk_user"));
                // in a later revision, in its own transaction (transaction_per_revision = true):
                op.validateConstraint("email", "fk_user");""");
        fires(LintHarness.on("postgresql").lint(op -> op.addColumn("email", column("user_id", bigInteger()).foreignKey("user.id"))), RULE);
        fires(LintHarness.on("postgresql").lint(op -> op.execute(
                "ALTER TABLE \"email\" ADD CONSTRAINT \"fk_user\" FOREIGN KEY (\"user_id\") REFERENCES \"user\" (\"id\")")), RULE);
    }

    @Test
    void postgresqlIsSilentOnTheRecipe() {
        LintHarnessRecipes.assertCleanExcept(LintHarness.on("postgresql").lint(
                op -> op.addConstraintNotValid("email", foreignKey("user_id").references("user", "id").named("fk_user")),
                op -> op.validateConstraint("email", "fk_user")));
        silent(LintHarness.on("postgresql").lint(op -> op.execute(
                "ALTER TABLE email ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES \"user\" (id) NOT VALID")), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb"})
    void mysqlFlagsEveryForeignKeyOnAnExistingTableNotValidOrNot(String dialect) {
        Finding f = fires(LintHarness.on(dialect).lint(op -> op.addConstraintNotValid("email",
                foreignKey("user_id").references("user", "id").named("fk_user"))), RULE);
        assertThat(f.message()).endsWith(": the table is copied while writes wait.");
        assertThat(f.recipe()).contains("op.execute(\"SET foreign_key_checks = 0\");")
                .contains("op.ignoring(\"adding-foreign-key-constraint\").addConstraint(\"email\", foreignKey(\"user_id\").references(\"user\", \"id\").named(\"fk_user\"));");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
    void silentInANewTableOnSqliteAndWhenSilenced(String dialect) {
        LintHarness h = LintHarness.on(dialect);
        silent(h.lint(op -> {
            op.createTable("email", column("id", integer()).primaryKey(), column("user_id", integer()));
            op.createForeignKey("fk_user", "email", "user", List.of("user_id"), List.of("id"));
        }), RULE);
        if (dialect.equals("sqlite")) {
            silent(h.lint(op -> op.createForeignKey("fk_user", "email", "user", List.of("user_id"), List.of("id"))), RULE);
        } else {
            silenced(h.ignore(List.of(RULE)).lint(op -> op.createForeignKey("fk_user", "email", "user", List.of("user_id"), List.of("id"))), RULE);
        }
    }
}
