package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.jalchemy.migrate.lint.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.dateTimeTz;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;
import static org.jalchemy.types.SqlTypes.uuid;

class AddingFieldWithDefaultRuleTest {
    static final String RULE = "adding-field-with-default";

    private static org.jalchemy.migrate.lint.LintReport add(LintHarness h, String dflt) {
        return h.lint(op -> op.addColumn("core_recipe", column("foo", uuid()).serverDefault(dflt)));
    }

    @Test
    void postgresqlFlagsVolatileAndUnknownFunctionsOnly() {
        LintHarness pg = LintHarness.on("postgresql");
        Finding f = fires(add(pg, "gen_random_uuid()"), RULE);
        assertThat(f.message()).isEqualTo("Adds core_recipe.foo with DEFAULT gen_random_uuid(): gen_random_uuid() is volatile: the table is rewritten.");
        assertThat(f.recipe()).contains("op.addColumn(\"core_recipe\", column(\"foo\", uuid()));")
                .contains("op.alterColumn(\"core_recipe\", \"foo\", c -> c.serverDefault(\"gen_random_uuid()\"));");
        assertThat(fires(add(pg, "my_id_fn()"), RULE).message()).contains("does not know whether my_id_fn() is volatile");
        silent(add(pg, "'00000000-0000-0000-0000-000000000000'::uuid"), RULE);
        silent(pg.lint(op -> op.addColumn("t", column("at", dateTimeTz()).serverDefault("now()"))), RULE);
        silent(pg.lint(op -> op.addColumn("t", column("n", integer()).nullable(false).serverDefault("10"))), RULE);
    }

    @Test
    void postgresqlBefore11FlagsEveryDefault() {
        assertThat(fires(LintHarness.on("postgresql", 10).lint(op -> op.addColumn("t", column("n", integer()).serverDefault("10"))), RULE)
                .message()).contains("before PostgreSQL 11");
    }

    @Test
    void mysqlFlagsExpressionDefaultsMariadbOnlyNonDeterministicOnes() {
        fires(LintHarness.on("mysql").lint(op -> op.addColumn("t", column("n", integer()).serverDefault("(1 + 1)"))), RULE);
        silent(LintHarness.on("mysql").lint(op -> op.addColumn("t", column("at", dateTimeTz()).serverDefault("CURRENT_TIMESTAMP"))), RULE);
        silent(LintHarness.on("mariadb").lint(op -> op.addColumn("t", column("n", integer()).serverDefault("(1 + 1)"))), RULE);
        fires(LintHarness.on("mariadb").lint(op -> op.addColumn("t", column("u", string(36)).serverDefault("(uuid())"))), RULE);
    }

    @Test
    void sqliteRefusesNonConstantDefaultsSoItIsAnError() {
        Finding f = fires(LintHarness.on("sqlite").lint(op -> op.addColumn("t", column("at", dateTimeTz()).serverDefault("CURRENT_TIMESTAMP"))), RULE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        silent(LintHarness.on("sqlite").lint(op -> op.addColumn("t", column("n", integer()).serverDefault("0"))), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
    void silentOnTheRecipeOnNewTablesAndWhenSilenced(String dialect) {
        LintHarness h = LintHarness.on(dialect);
        silent(h.lint(op -> {
            op.addColumn("core_recipe", column("foo", uuid()));
            op.alterColumn("core_recipe", "foo", c -> c.serverDefault("gen_random_uuid()").existingType(uuid()));
        }), RULE);
        silent(h.lint(op -> {
            op.createTable("t", column("id", integer()).primaryKey());
            op.addColumn("t", column("u", uuid()).serverDefault("gen_random_uuid()"));
        }), RULE);
        silenced(h.lint(op -> op.ignoring(RULE).addColumn("t", column("u", uuid()).serverDefault("gen_random_uuid()"))), RULE);
        fires(h.lint(op -> op.execute("ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid() NOT NULL")), RULE);
    }
}
