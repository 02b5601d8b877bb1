package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.index;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;

class AddingPrimaryKeyConstraintRuleTest {
    static final String RULE = "adding-primary-key-constraint";

    @Test
    void postgresqlFlagsAPrimaryKeyOnAnExistingTable() {
        assertThat(fires(LintHarness.on("postgresql").lint(op -> op.createPrimaryKey("account_pk", "account", "id")), RULE).recipe())
                .startsWith("op.createIndex(index(\"uq_account_id\", \"id\").on(\"account\").unique().concurrently());")
                .endsWith("op.execute(\"ALTER TABLE account ADD CONSTRAINT account_pk PRIMARY KEY USING INDEX uq_account_id\");");
        fires(LintHarness.on("postgresql").lint(op -> op.execute("ALTER TABLE account ADD PRIMARY KEY (id)")), RULE);
    }

    @Test
    void silentOnTheRecipeElsewhereAndWhenSilenced() {
        LintHarnessRecipes.assertCleanExcept(LintHarness.on("postgresql").lint(op -> {
            op.createIndex(index("uq_account_id", "id").on("account").unique().concurrently());
            op.execute("ALTER TABLE account ADD CONSTRAINT account_pk PRIMARY KEY USING INDEX uq_account_id");
        }));
        silent(LintHarness.on("mariadb").lint(op -> op.createPrimaryKey("account_pk", "account", "id")), RULE);
        silenced(LintHarness.on("postgresql").lint(op -> op.ignoring(RULE).createPrimaryKey("account_pk", "account", "id")), RULE);
    }
}
