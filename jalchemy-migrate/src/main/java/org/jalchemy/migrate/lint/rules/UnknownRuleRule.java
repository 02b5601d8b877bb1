package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintContext;
import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.migrate.ops.MigrateOp;

import java.util.List;

/** {@code unknown-rule}: {@code op.ignoring(...)} names a rule id no rule has (a typo silences nothing). */
final class UnknownRuleRule extends Rule {
    UnknownRuleRule() {
        super("unknown-rule", Severity.WARNING, "op.ignoring(...) names a rule that does not exist");
    }

    @Override
    public String why(LintTarget target) {
        return "A misspelt rule id silences nothing, so the finding it was meant to waive is still reported and the"
                + " script says something untrue about what was reviewed.";
    }

    @Override
    public void check(MigrateOp op, LintContext ctx) {
        if (!ctx.isPrimary()) {
            return;
        }
        List<String> unknown = ctx.silencedRules().stream().filter(id -> !ctx.isKnownRule(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            ctx.report(this, "op.ignoring names unknown rule id" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + ".",
                    "// the rule ids are listed in docs/migrations-lint.md (and by Linter.rules() in code)");
        }
    }
}
