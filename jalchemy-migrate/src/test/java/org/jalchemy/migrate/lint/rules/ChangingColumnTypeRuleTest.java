package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.jalchemy.types.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.dateTime;
import static org.jalchemy.types.SqlTypes.dateTimeTz;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.numeric;
import static org.jalchemy.types.SqlTypes.string;
import static org.jalchemy.types.SqlTypes.text;

/** The rule's wiring; which changes rewrite on which database is {@code TypeChangesTest} and, live, {@code TypeChangeCostTest}. */
class ChangingColumnTypeRuleTest {
    static final String RULE = "changing-column-type";

    private static org.jalchemy.migrate.lint.LintReport change(String dialect, SqlType<?> from, SqlType<?> to) {
        return LintHarness.on(dialect).lint(op -> op.alterColumn("user_email", "user_id", c -> c.type(to).existingType(from)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb"})
    void firesOnIntToBigint(String dialect) {
        Finding f = fires(change(dialect, integer(), bigInteger()), RULE);
        assertThat(f.message()).startsWith("Changes the type of user_email.user_id: ");
        assertThat(f.recipe()).contains("op.addColumn(\"user_email\", column(\"user_id_new\", bigInteger()));")
                .contains("op.ignoring(\"drop-column\").dropColumn(\"user_email\", \"user_id\");");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb"})
    void silentOnWideningAVarcharThatStaysInItsLengthPrefixAndOnTheRecipe(String dialect) {
        silent(change(dialect, string(10), string(20)), RULE);
        LintHarnessRecipes.assertCleanExcept(LintHarness.on(dialect).lint(
                op -> op.addColumn("user_email", column("user_id_new", bigInteger())),
                op -> op.execute("UPDATE user_email SET user_id_new = user_id WHERE user_id_new IS NULL"),
                op -> op.ignoring("drop-column").dropColumn("user_email", "user_id")));
    }

    @Test
    void postgresqlTextAndNumericWideningAreFreeButTimeZonesAreConditional() {
        silent(change("postgresql", string(200), text()), RULE);
        silent(change("postgresql", numeric(10, 2), numeric(12, 2)), RULE);
        fires(change("postgresql", numeric(10, 2), numeric(12, 3)), RULE);
        assertThat(fires(change("postgresql", dateTime(), dateTimeTz()), RULE).message()).contains("session time zone");
        fires(change("mariadb", string(200), text()), RULE);
    }

    @Test
    void anUnknownOldTypeIsReportedAsUnknown() {
        assertThat(fires(LintHarness.on("postgresql").lint(op -> op.alterColumn("t", "c", c -> c.type(bigInteger()))), RULE)
                .message()).contains("lint cannot tell").contains("existingType(...)");
        fires(LintHarness.on("mysql").lint(op -> op.execute("ALTER TABLE t MODIFY c bigint")), RULE);
    }

    @Test
    void silentOnSqliteOnNewTablesAndWhenSilenced() {
        silent(change("sqlite", integer(), bigInteger()), RULE);
        silent(LintHarness.on("postgresql").lint(op -> {
            op.createTable("t", column("id", integer()).primaryKey(), column("c", integer()));
            op.alterColumn("t", "c", c -> c.type(bigInteger()).existingType(integer()));
        }), RULE);
        silenced(LintHarness.on("postgresql").lint(op -> op.ignoring(RULE).alterColumn("t", "c",
                c -> c.type(bigInteger()).existingType(integer()))), RULE);
    }

    @Test
    void aUsingExpressionRewritesButAPlainCastDoesNot() {
        fires(LintHarness.on("postgresql").lint(op -> op.alterColumn("t", "c",
                c -> c.type(text()).existingType(string(10)).using("upper(c)"))), RULE);
        silent(LintHarness.on("postgresql").lint(op -> op.alterColumn("t", "c",
                c -> c.type(text()).existingType(string(10)).using("c::text"))), RULE);
    }
}
