package org.jalchemy.migrate.ops;

import java.util.Set;

/**
 * Where the operations of a script go: run on a connection, rendered as SQL text (offline mode),
 * or recorded (lint, tests). {@code silencedRules} are the lint rule ids the script waived for this
 * op ({@code op.ignoring("drop-column")}); sinks other than lint ignore them.
 */
@FunctionalInterface
public interface OpSink {
    void accept(MigrateOp op, Set<String> silencedRules);
}
