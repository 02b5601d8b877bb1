package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.check;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;

class ValidateInSameTransactionRuleTest {
    static final String RULE = "validate-in-same-transaction";

    @Test
    void firesWhenTheRevisionThatAddedTheConstraintNotValidValidatesIt() {
        assertThat(fires(LintHarness.on("postgresql").lint(op -> {
            op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance"));
            op.validateConstraint("accounts", "positive_balance");
        }), RULE).recipe()).contains("transaction_per_revision = true").contains("op.validateConstraint(\"accounts\", \"positive_balance\");");
        fires(LintHarness.on("postgresql").lint(op -> op.execute("""
                ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0) NOT VALID;
                ALTER TABLE accounts VALIDATE CONSTRAINT positive_balance;""")), RULE);
    }

    @Test
    void silentWhenValidatedInALaterRevisionAndWhenSilenced() {
        silent(LintHarness.on("postgresql").lint(
                op -> op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance")),
                op -> op.validateConstraint("accounts", "positive_balance")), RULE);
        silenced(LintHarness.on("postgresql").lint(op -> {
            op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance"));
            op.ignoring(RULE).validateConstraint("accounts", "positive_balance");
        }), RULE);
    }
}
