package org.jalchemy.migrate.lint;

import org.jalchemy.dialect.Dialects;
import org.jalchemy.migrate.Ops;
import org.jalchemy.schema.MetaData;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints ops written as a script would write them, without a database, and asserts on the findings.
 * Each {@code Consumer<Ops>} is one revision's upgrade ({@code r1}, {@code r2}, ... in order).
 */
public final class LintHarness {
    private final LintTarget target;
    private MetaData models;
    private final List<String> ignore = new ArrayList<>();

    private LintHarness(LintTarget target) {
        this.target = target;
    }

    /** For {@code dialect} at its newest version. */
    public static LintHarness on(String dialect) {
        return new LintHarness(LintTarget.of(dialect, Integer.MAX_VALUE));
    }

    /** For {@code dialect} at {@code major.0}. */
    public static LintHarness on(String dialect, int major) {
        return new LintHarness(LintTarget.of(dialect, major * 10000));
    }

    public LintHarness models(MetaData md) {
        this.models = md;
        return this;
    }

    public LintHarness ignore(Collection<String> ids) {
        ignore.addAll(ids);
        return this;
    }

    @SafeVarargs
    public final LintReport lint(Consumer<Ops>... revisions) {
        List<RecordedRevision> revs = new ArrayList<>();
        for (int i = 0; i < revisions.length; i++) {
            OpRecorder rec = new OpRecorder(null);
            revisions[i].accept(new Ops(rec, Dialects.get(dialectForOps()), null));
            revs.add(new RecordedRevision("r" + (i + 1), null, rec.ops(), null));
        }
        return Linter.builder(target).models(models).ignore(ignore).build().lint(revs);
    }

    private String dialectForOps() {
        return target.dialectName();
    }

    /** The one finding of {@code ruleId} in force; fails when there is none or several. */
    public static Finding fires(LintReport report, String ruleId) {
        List<Finding> f = report.findings(ruleId);
        assertThat(f).as("findings of %s in:%n%s", ruleId, LintText.format(report, true)).hasSize(1);
        return f.get(0);
    }

    /** Asserts that {@code ruleId} reported nothing in force. */
    public static void silent(LintReport report, String ruleId) {
        assertThat(report.findings(ruleId)).as("findings of %s in:%n%s", ruleId, LintText.format(report, true)).isEmpty();
    }

    /** Asserts that {@code ruleId}'s finding was made but silenced. */
    public static void silenced(LintReport report, String ruleId) {
        silent(report, ruleId);
        assertThat(report.silenced()).as("silenced findings").anyMatch(f -> f.ruleId().equals(ruleId));
    }
}
