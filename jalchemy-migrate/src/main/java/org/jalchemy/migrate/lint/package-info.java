/**
 * Migration lint: flags operations of revision scripts that lock or rewrite big tables, lose data
 * or break the running application, and says what to write instead.
 *
 * <p>Flow: {@link org.jalchemy.migrate.lint.RecordedRevision#record} runs a script's
 * {@code upgrade} against an {@link org.jalchemy.migrate.lint.OpRecorder} (offline: nothing reaches a
 * database) and keeps each op with the rules the script waived for it and its source line;
 * {@link org.jalchemy.migrate.lint.Linter} runs the {@link org.jalchemy.migrate.lint.LintRule}s of
 * {@link org.jalchemy.migrate.lint.rules.BuiltinRules} over those ops for one dialect (and, when
 * given, the models' {@code MetaData}) and returns a {@link org.jalchemy.migrate.lint.LintReport};
 * {@link org.jalchemy.migrate.lint.LintText} and {@link org.jalchemy.migrate.lint.LintJson} print it.
 * The rule set and its reasons are documented in {@code docs/migrations-lint.md}.
 */
package org.jalchemy.migrate.lint;
