package org.jalchemy.migrate.lint;

import java.util.Objects;

/**
 * One thing lint found in one op of one revision. Immutable.
 *
 * @param revision the revision id
 * @param script   the script's class name, or null
 * @param line     the script line of the op, 0 when unknown
 * @param opIndex  the op's position in the revision's upgrade (0-based; -1 for the revision as a whole)
 * @param op       the op as {@code MigrateOp.describe()} gives it ({@code drop column users.email})
 * @param ruleId   the rule's id ({@code drop-column})
 * @param severity how bad it is
 * @param dialect  the dialect the finding is about ({@code postgresql})
 * @param message  what is wrong with this op, in one or two sentences naming its table and column
 * @param why      why that is dangerous (the rule's explanation for this dialect)
 * @param recipe   what to write instead: concrete {@code op.} calls, one per line, comments allowed
 * @param silence  how to waive the rule for this op, or for the whole project
 */
public record Finding(String revision, String script, int line, int opIndex, String op, String ruleId,
                      Severity severity, String dialect, String message, String why, String recipe, String silence) {
    public Finding {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        why = why == null ? "" : why;
        recipe = recipe == null ? "" : recipe;
        silence = silence == null ? "" : silence;
    }

    /** {@code R_<revision>}, as findings are labelled. */
    public String revisionLabel() {
        return "R_" + revision;
    }
}
