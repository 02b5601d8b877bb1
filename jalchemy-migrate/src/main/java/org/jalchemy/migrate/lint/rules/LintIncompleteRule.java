package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

/**
 * {@code lint-incomplete}: recording a script's upgrade stopped with an exception (typically
 * {@code op.connection()}, which lint, running offline, cannot give), so its later ops went unchecked.
 * Reported by the linter itself for the revision, not per op: {@link #check} does nothing.
 */
final class LintIncompleteRule extends Rule {
    LintIncompleteRule() {
        super(BuiltinRules.LINT_INCOMPLETE, Severity.WARNING, "A script's upgrade could not be recorded to its end");
    }

    @Override
    public String why(LintTarget target) {
        return "Lint records a script's ops without a database. A script that asks for op.connection() (or fails) stops"
                + " that recording, and whatever it would have done afterwards was not checked.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        // reported by Linter for the revision as a whole
    }
}
