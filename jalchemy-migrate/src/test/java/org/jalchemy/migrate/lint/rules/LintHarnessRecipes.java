package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintReport;
import org.jalchemy.migrate.lint.LintText;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions for "the safe recipe lints clean". */
final class LintHarnessRecipes {
    private LintHarnessRecipes() {
    }

    /** Nothing in force but advice and the given rules. */
    static void assertCleanExcept(LintReport r, String... allowed) {
        Set<String> ok = Set.of(allowed);
        assertThat(r.findings()).as("findings in:%n%s", LintText.format(r, true))
                .allMatch(f -> f.severity() == org.jalchemy.migrate.lint.Severity.ADVICE || ok.contains(f.ruleId()));
    }
}
