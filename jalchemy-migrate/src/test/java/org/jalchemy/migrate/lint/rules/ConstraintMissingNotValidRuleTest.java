package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.check;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;

class ConstraintMissingNotValidRuleTest {
    static final String RULE = "constraint-missing-not-valid";

    @Test
    void postgresqlFlagsAValidatingCheck() {
        Finding f = fires(LintHarness.on("postgresql").lint(op -> op.createCheckConstraint("positive_balance", "accounts", "balance >= 0")), RULE);
        assertThat(f.recipe()).isEqualTo("""
                op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance"));
                // in a later revision, in its own transaction (transaction_per_revision = true):
                op.validateConstraint("accounts", "positive_balance");""");
        fires(LintHarness.on("postgresql").lint(op -> op.execute("ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0)")), RULE);
    }

    @Test
    void postgresqlIsSilentOnNotValidAndOnTheRecipe() {
        silent(LintHarness.on("postgresql").lint(op -> op.execute(
                "ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0) NOT VALID")), RULE);
        LintHarnessRecipes.assertCleanExcept(LintHarness.on("postgresql").lint(
                op -> op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance")),
                op -> op.validateConstraint("accounts", "positive_balance")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb"})
    void mysqlFlagsEveryCheckAddedToAnExistingTable(String dialect) {
        Finding f = fires(LintHarness.on(dialect).lint(op -> op.addConstraintNotValid("accounts", check("balance >= 0").named("pb"))), RULE);
        assertThat(f.recipe()).startsWith("// no online route on MySQL/MariaDB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
    void silentOnNewTablesOnSqliteAndWhenSilenced(String dialect) {
        silent(LintHarness.on(dialect).lint(op -> {
            op.createTable("accounts", column("id", integer()).primaryKey(), column("balance", integer()));
            op.createCheckConstraint("pb", "accounts", "balance >= 0");
        }), RULE);
        if (!dialect.equals("sqlite")) {
            silenced(LintHarness.on(dialect).lint(op -> op.ignoring(RULE).createCheckConstraint("pb", "accounts", "balance >= 0")), RULE);
        } else {
            silent(LintHarness.on(dialect).lint(op -> op.createCheckConstraint("pb", "accounts", "balance >= 0")), RULE);
        }
    }
}
