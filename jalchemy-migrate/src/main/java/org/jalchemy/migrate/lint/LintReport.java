package org.jalchemy.migrate.lint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a lint run found: the findings in force, in revision and op order, and apart from them the
 * findings a script or the configuration silenced (shown by {@code --verbose}, counted by nobody).
 * {@link #count()} — what {@code jalchemy migrate lint} returns and exits non-zero on — counts
 * errors and warnings; advice is printed but never fails a run. Immutable.
 */
public record LintReport(LintTarget target, List<Finding> findings, List<Finding> silenced) {
    public LintReport {
        findings = List.copyOf(findings);
        silenced = List.copyOf(silenced);
    }

    /** The findings that fail a lint run: errors and warnings not silenced. */
    public int count() {
        return count(Severity.ERROR) + count(Severity.WARNING);
    }

    /** The findings in force of one severity. */
    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** True when nothing but advice (if anything) was found. */
    public boolean isClean() {
        return count() == 0;
    }

    /** The findings of one rule (tests, tools). */
    public List<Finding> findings(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The same report restricted to {@code revisions} (lint a range with the revisions before it as context). */
    public LintReport forRevisions(Collection<String> revisions) {
        Set<String> keep = Set.copyOf(revisions);
        List<Finding> f = new ArrayList<>();
        List<Finding> s = new ArrayList<>();
        findings.stream().filter(x -> keep.contains(x.revision())).forEach(f::add);
        silenced.stream().filter(x -> keep.contains(x.revision())).forEach(s::add);
        return new LintReport(target, f, s);
    }
}
