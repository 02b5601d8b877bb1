package org.jalchemy.migrate.lint;

import org.jalchemy.migrate.ops.MigrateOp;

import java.util.Set;

/**
 * One lint rule: an id, what it flags, why that is dangerous and, through the findings it reports,
 * the safer recipe. {@link #check} sees one op at a time, with a {@link LintContext} that knows the
 * dialect, the ops before this one in the revision (tables it created, constraints it added) and,
 * when given, the models' MetaData; it reports what it finds through
 * {@link LintContext#report}. Whether a finding is silenced is decided by the linter, not the rule.
 *
 * <p>Implementations are stateless and thread-safe; all state lives in the context.
 */
public interface LintRule {
    /** The kebab-case id scripts and config use to silence the rule ({@code drop-column}). */
    String id();

    /** The severity of the rule's findings (a finding may state another for one dialect). */
    Severity severity();

    /** What the rule flags, in one line. */
    String summary();

    /** Why the flagged operation is dangerous on {@code target}. */
    String why(LintTarget target);

    /** Whether the rule has anything to say for {@code target}'s database family. */
    default boolean appliesTo(LintTarget target) {
        return true;
    }

    /**
     * Rule ids whose findings on the same op this rule's finding makes redundant (a column still
     * mapped by the models is a worse case of dropping a column: one finding is enough).
     */
    default Set<String> supersedes() {
        return Set.of();
    }

    /** Inspects {@code op} and reports findings through {@code ctx}. */
    void check(MigrateOp op, LintContext ctx);
}
