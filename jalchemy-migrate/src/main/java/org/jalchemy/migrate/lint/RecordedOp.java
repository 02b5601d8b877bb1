package org.jalchemy.migrate.lint;

import org.jalchemy.migrate.ops.MigrateOp;

import java.util.Objects;
import java.util.Set;

/**
 * One op as a script's {@code upgrade} recorded it: the op, the lint rule ids the script waived for
 * it ({@code op.ignoring("drop-column")}; {@code "*"} waives all) and the line of the script that
 * made the call (0 when unknown: scripts compiled without line numbers, ops built in code).
 */
public record RecordedOp(MigrateOp op, Set<String> silencedRules, int line) {
    /** The wildcard rule id of {@code op.safetyAssured()}. */
    public static final String ALL_RULES = "*";

    public RecordedOp {
        Objects.requireNonNull(op, "op");
        silencedRules = silencedRules == null ? Set.of() : Set.copyOf(silencedRules);
    }

    public static RecordedOp of(MigrateOp op) {
        return new RecordedOp(op, Set.of(), 0);
    }

    /** True when the script waived {@code ruleId} (or every rule) for this op. */
    public boolean silences(String ruleId) {
        return silencedRules.contains(ruleId) || silencedRules.contains(ALL_RULES);
    }
}
