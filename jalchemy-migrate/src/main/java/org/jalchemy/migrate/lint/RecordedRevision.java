package org.jalchemy.migrate.lint;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Ops;

import java.util.List;
import java.util.Objects;

/**
 * The upgrade ops of one revision, in call order, as lint reads them.
 *
 * @param revision   the revision id ({@code ae1027a6acf})
 * @param script     the script's class simple name ({@code R_ae1027a6acf_add_email}), or null
 * @param ops        the ops recorded from {@code upgrade}
 * @param stoppedBy  null when {@code upgrade} ran to its end; otherwise why recording stopped (the
 *                   script asked for {@code op.connection()}, which lint, being offline, cannot give)
 *                   so the ops after that point are missing
 */
public record RecordedRevision(String revision, String script, List<RecordedOp> ops, String stoppedBy) {
    public RecordedRevision {
        Objects.requireNonNull(revision, "revision id");
        ops = List.copyOf(ops);
    }

    public static RecordedRevision of(String revision, List<RecordedOp> ops) {
        return new RecordedRevision(revision, null, ops, null);
    }

    /**
     * Runs {@code migration.upgrade} offline for {@code dialect} and records its ops with their
     * lines. A {@code RuntimeException} thrown by the script stops the recording: the ops made so
     * far are kept and {@link #stoppedBy()} says what happened (lint reports it as
     * {@code lint-incomplete}), because a data migration that needs a connection is legitimate.
     */
    public static RecordedRevision record(Migration migration, Dialect dialect) {
        OpRecorder recorder = new OpRecorder(migration.getClass());
        String stopped = null;
        try {
            migration.upgrade(new Ops(recorder, dialect, null));
        } catch (RuntimeException e) {
            stopped = e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (recorder.lastLine() > 0 ? " (after line " + recorder.lastLine() + ")" : "");
        }
        return new RecordedRevision(migration.revision(), migration.getClass().getSimpleName(), recorder.ops(), stopped);
    }

    /** How findings name this revision: {@code R_<id>} (the script class prefix). */
    public String label() {
        return "R_" + revision;
    }
}
