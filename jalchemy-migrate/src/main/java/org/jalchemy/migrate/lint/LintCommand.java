package org.jalchemy.migrate.lint;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.MetaData;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What {@code jalchemy migrate lint} and {@code revision --autogenerate} do with lint, given what the
 * commands have loaded: the revisions parents first, the dialect, the models and the config. Keeps
 * {@code Commands} to a few lines per command. Stateless.
 */
public final class LintCommand {
    private LintCommand() {
    }

    /**
     * Records every migration's upgrade (offline) and lints them as one run, parents first, keeping
     * the findings of {@code report} (revision ids; null keeps all). The revisions outside
     * {@code report} are still linted for context (constraints they validated, later ops that bring a
     * name back).
     */
    public static LintReport lint(List<? extends Migration> parentsFirst, Collection<String> report, Dialect dialect,
                                  MetaData models, MigrateConfig config) {
        List<RecordedRevision> recorded = new ArrayList<>();
        for (Migration m : parentsFirst) {
            recorded.add(RecordedRevision.record(m, dialect));
        }
        LintReport r = Linter.forConfig(config, dialect, models).lint(recorded);
        return report == null ? r : r.forRevisions(report);
    }

    /** Prints {@code report} as text (or JSON) and returns the number of findings that fail a run. */
    public static int print(LintReport report, PrintStream out, boolean json, boolean verbose) {
        out.print(json ? LintJson.format(report) + "\n" : LintText.format(report, verbose));
        out.flush();
        return report.count();
    }

    /**
     * At {@code revision --autogenerate}: lints the new revision's upgrade ops after the existing
     * revisions and prints one warning line per finding (the recipes are for {@code lint}). Returns
     * the report of the new revision.
     */
    public static LintReport warnNewRevision(List<? extends Migration> existingParentsFirst, String revision,
                                             List<MigrateOp> upgradeOps, Dialect dialect, MetaData models,
                                             MigrateConfig config, PrintStream out) {
        List<RecordedRevision> recorded = new ArrayList<>();
        for (Migration m : existingParentsFirst) {
            recorded.add(RecordedRevision.record(m, dialect));
        }
        recorded.add(RecordedRevision.of(revision, upgradeOps.stream().map(RecordedOp::of).toList()));
        LintReport r = Linter.forConfig(config, dialect, models).lint(recorded).forRevisions(Set.of(revision));
        for (Finding f : r.findings()) {
            out.println("  LINT " + f.op() + " [" + f.ruleId() + "] " + f.severity().label() + ": " + f.message());
        }
        if (!r.findings().isEmpty()) {
            out.println("  Run 'jalchemy migrate lint " + revision + ":' for why and the safer recipes,"
                    + " or waive a rule for one op with op.ignoring(\"<rule>\")");
        }
        return r;
    }
}
