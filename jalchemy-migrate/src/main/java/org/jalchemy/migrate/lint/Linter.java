package org.jalchemy.migrate.lint;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.migrate.lint.rules.BuiltinRules;
import org.jalchemy.migrate.lint.rules.Snippets;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.MetaData;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs lint rules over the upgrade ops of revisions, for one database, and reports what they find.
 *
 * <pre>{@code
 * Linter linter = Linter.builder(dialect).models(metadata).ignore(config.getList("lint_ignore")).build();
 * LintReport report = linter.lint(List.of(RecordedRevision.record(migration, dialect)));
 * System.out.print(LintText.format(report));
 * }</pre>
 *
 * <p>Revisions are linted in the order given, oldest first, as one run: what an earlier revision
 * did is known to the later ones (a {@code CHECK (c IS NOT NULL)} added and validated earlier makes
 * a later {@code SET NOT NULL} safe), and rules that need the models look ahead over the whole run
 * (a column dropped and re-added later is not "still mapped"). Pass the revisions before the range
 * of interest too when that context matters, and keep the findings of the range
 * ({@link LintReport#forRevisions}). Tables count as new only within the revision that creates them.
 *
 * <p>Each op is checked by every rule that applies to the dialect; {@code op.execute(...)} is also
 * read for statements lint recognises ({@link RawSql}), which then meet the same rules as the
 * equivalent {@code Ops} calls; the changes inside a {@code batchAlterTable} are checked one by one.
 * A finding is silenced when the script waived its rule for that op ({@code op.ignoring(id)},
 * {@code op.safetyAssured()}) or the configuration ignores it ({@code lint_ignore = [...]}); silenced
 * findings are kept apart in the report. Unknown rule ids in the configuration raise
 * {@link MigrationError}; unknown ids in a script are reported ({@code unknown-rule}).
 *
 * <p>Immutable and thread-safe once built; {@link #lint} keeps its state in local objects.
 */
public final class Linter {
    private final LintTarget target;
    private final Dialect dialect;
    private final MetaData models;
    private final List<LintRule> rules;
    private final Set<String> ignored;
    private final Set<String> ruleIds;

    private Linter(Builder b) {
        this.target = b.target;
        this.dialect = b.dialect;
        this.models = b.models;
        this.rules = List.copyOf(b.rules.values());
        this.ruleIds = Set.copyOf(b.rules.keySet());
        for (String id : b.ignored) {
            if (!RecordedOp.ALL_RULES.equals(id) && !ruleIds.contains(id)) {
                throw new MigrationError("Unknown lint rule '" + id + "' in lint_ignore; the rules are: "
                        + String.join(", ", new TreeSet<>(ruleIds)));
            }
        }
        this.ignored = Set.copyOf(b.ignored);
    }

    /** A builder for {@code dialect} (its server version counts when an engine has initialised it). */
    public static Builder builder(Dialect dialect) {
        Builder b = new Builder(LintTarget.of(dialect));
        b.dialect = dialect;
        return b;
    }

    public static Builder builder(LintTarget target) {
        return new Builder(target);
    }

    /** The linter a migration environment asks for: its {@code lint_ignore} list, the given dialect and models (may be null). */
    public static Linter forConfig(MigrateConfig config, Dialect dialect, MetaData models) {
        return builder(dialect).models(models).ignore(config.getList("lint_ignore")).build();
    }

    public LintTarget target() {
        return target;
    }

    /** The rules this linter runs, in registry order. */
    public List<LintRule> rules() {
        return rules;
    }

    /** Lints one revision. */
    public LintReport lint(RecordedRevision revision) {
        return lint(List.of(revision));
    }

    /** Lints {@code revisions} as one run, oldest first. */
    public LintReport lint(List<RecordedRevision> revisions) {
        List<Step> steps = new ArrayList<>();
        for (RecordedRevision r : revisions) {
            for (int i = 0; i < r.ops().size(); i++) {
                flatten(r, i, r.ops().get(i), r.ops().get(i).op(), null, steps);
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<Finding> silenced = new ArrayList<>();
        RunState run = new RunState();
        int at = 0;
        for (RecordedRevision r : revisions) {
            RevisionState rev = new RevisionState();
            while (at < steps.size() && steps.get(at).revision() == r) {
                Step s = steps.get(at);
                LintContext ctx = new LintContext(target, models, run, rev, s, steps.subList(at + 1, steps.size()), ruleIds);
                for (LintRule rule : rules) {
                    if (rule.appliesTo(target)) {
                        rule.check(s.op(), ctx);
                    }
                }
                sort(s, ctx.reported, findings, silenced);
                apply(s, run, rev);
                at++;
            }
            if (r.stoppedBy() != null) {
                incomplete(r, findings, silenced);
            }
        }
        return new LintReport(target, findings, silenced);
    }

    private void flatten(RecordedRevision r, int index, RecordedOp rec, MigrateOp op, MigrateOp.BatchAlterTable batch,
                         List<Step> out) {
        boolean primary = batch == null;
        if (op instanceof MigrateOp.Execute ex) {
            List<SqlStatement> statements = sqlOf(ex);
            if (statements.isEmpty()) {
                out.add(new Step(r, index, rec, op, batch, List.of(), null, primary));
            }
            for (SqlStatement st : statements) {
                out.add(new Step(r, index, rec, st.op() != null ? st.op() : op, batch, List.of(st), st, primary));
                primary = false;
            }
            return;
        }
        out.add(new Step(r, index, rec, op, batch, List.of(), null, primary));
        if (op instanceof MigrateOp.BatchAlterTable b) {
            for (MigrateOp inner : b.ops()) {
                flatten(r, index, rec, inner, b, out);
            }
        }
    }

    private List<SqlStatement> sqlOf(MigrateOp.Execute ex) {
        String sql = ex.sql();
        if (sql == null && ex.statement() != null) {
            try {
                Dialect d = dialect != null ? dialect : org.jalchemy.dialect.Dialects.get(target.dialectName());
                sql = ex.statement().compile(d).sql();
            } catch (RuntimeException e) {
                return List.of();             // not compilable for this dialect offline: nothing lint can read
            }
        }
        return sql == null ? List.of() : RawSql.parse(sql);
    }

    /**
     * Places the findings of one step: silenced or in force; a finding superseded by another one in
     * force on the same op is dropped (a silenced finding supersedes nothing, so waiving
     * {@code still-mapped} brings back the {@code drop-column} it had replaced).
     */
    private void sort(Step s, List<Reported> reported, List<Finding> findings, List<Finding> silenced) {
        Set<String> superseded = new HashSet<>();
        for (Reported r : reported) {
            if (!waived(s, r.rule().id())) {
                superseded.addAll(r.rule().supersedes());
            }
        }
        for (Reported r : reported) {
            String id = r.rule().id();
            if (superseded.contains(id)) {
                continue;
            }
            Finding f = finding(s.revision(), s.recorded().line(), s.index(), describe(s), r,
                    Snippets.silence(id, s.recorded().op()));
            (waived(s, id) ? silenced : findings).add(f);
        }
    }

    private boolean waived(Step s, String ruleId) {
        return s.recorded().silences(ruleId) || ignored.contains(ruleId) || ignored.contains(RecordedOp.ALL_RULES);
    }

    private static String describe(Step s) {
        if (s.statement() != null) {
            String t = s.statement().text();
            return "execute " + (t.length() > 60 ? t.substring(0, 57) + "..." : t);
        }
        if (s.batch() != null) {
            return s.op().describe() + " (in batch)";
        }
        return s.op().describe();
    }

    private Finding finding(RecordedRevision r, int line, int index, String op, Reported rep, String silence) {
        return new Finding(r.revision(), r.script(), line, index, op, rep.rule().id(), rep.severity(), target.dialectName(),
                rep.message(), rep.rule().why(target), rep.recipe(), silence);
    }

    private void incomplete(RecordedRevision r, List<Finding> findings, List<Finding> silenced) {
        LintRule rule = rules.stream().filter(x -> x.id().equals(BuiltinRules.LINT_INCOMPLETE)).findFirst().orElse(null);
        if (rule == null) {
            return;
        }
        Reported rep = new Reported(rule, rule.severity(), "Recording the upgrade of " + r.label() + " stopped: " + r.stoppedBy()
                + ". The ops after that point were not linted.",
                "// lint runs scripts offline: keep op.connection() work in a separate revision, or guard it:\n"
                        + "if (!op.isOffline()) {\n    // ... work that needs the connection ...\n}");
        Finding f = finding(r, 0, -1, "upgrade of " + r.label(), rep, "lint_ignore = [\"" + rule.id() + "\"] in the migration config");
        (ignored.contains(rule.id()) || ignored.contains(RecordedOp.ALL_RULES) ? silenced : findings).add(f);
    }

    /** Records what {@code s} did, for the rules of the ops after it. */
    private void apply(Step s, RunState run, RevisionState rev) {
        MigrateOp op = s.op();
        switch (op) {
            case MigrateOp.CreateTable ct -> {
                rev.newTables.add(LintContext.key(ct.table().name()));
                for (ConstraintDef c : ct.table().constraints()) {
                    if (c instanceof ConstraintDef.Check ck && ck.name() != null) {
                        run.checks.put(checkKey(ct.table().name(), ck.name()), new Check(ck.sqltext(), true));
                    }
                }
            }
            case MigrateOp.RenameTable rt -> {
                if (rev.newTables.remove(LintContext.key(rt.name()))) {
                    rev.newTables.add(LintContext.key(rt.newName()));
                }
                lock(rev, rt.newName());
            }
            case MigrateOp.DropTable dt -> rev.newTables.remove(LintContext.key(dt.name()));
            case MigrateOp.AddConstraint ac -> {
                boolean deferred = ac.notValid() && target.isPostgresql();
                if (ac.constraint() instanceof ConstraintDef.Check ck && ck.name() != null) {
                    run.checks.put(checkKey(ac.table(), ck.name()), new Check(ck.sqltext(), !deferred));
                }
                if (deferred && ac.constraint().name() != null) {
                    rev.notValid.add(checkKey(ac.table(), ac.constraint().name()));
                }
                lock(rev, ac.table());
            }
            case MigrateOp.DropConstraint dc -> {
                if (dc.name() != null) {
                    run.checks.remove(checkKey(dc.table(), dc.name()));
                }
                lock(rev, dc.table());
            }
            case MigrateOp.CreateIndex ci -> {
                if (!ci.index().isConcurrently()) {
                    lock(rev, ci.index().table());
                }
            }
            case MigrateOp.DropIndex di -> {
                if (!di.concurrently()) {
                    lock(rev, di.table());
                }
            }
            case MigrateOp.AddColumn ac -> lock(rev, ac.table());
            case MigrateOp.DropColumn dc -> lock(rev, dc.table());
            case MigrateOp.AlterColumn ac -> lock(rev, ac.table());
            case MigrateOp.Execute ex -> {
                for (SqlStatement st : s.statements()) {
                    if (st.kind() == SqlStatement.Kind.VALIDATE_CONSTRAINT && st.name() != null) {
                        Check c = run.checks.get(checkKey(st.table(), st.name()));
                        if (c != null) {
                            run.checks.put(checkKey(st.table(), st.name()), new Check(c.sqltext(), true));
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void lock(RevisionState rev, String table) {
        if (table != null && !rev.newTables.contains(LintContext.key(table))) {
            rev.writeLocked.add(LintContext.key(table));
        }
    }

    private static String checkKey(String table, String name) {
        return LintContext.key(table) + "/" + LintContext.key(name);
    }

    // ------------------------------------------------------------------ internals shared with LintContext

    /**
     * One op to check: a recorded op, a change inside its batch, or one statement of its SQL (whose
     * {@code op} is the equivalent op for DDL lint recognises, else the {@code Execute} itself).
     * {@code primary}: the first step of a recorded op.
     */
    record Step(RecordedRevision revision, int index, RecordedOp recorded, MigrateOp op, MigrateOp.BatchAlterTable batch,
                List<SqlStatement> statements, SqlStatement statement, boolean primary) {
    }

    /** A finding as a rule reported it, before the linter places it. */
    record Reported(LintRule rule, Severity severity, String message, String recipe) {
        Reported {
            Objects.requireNonNull(message, "message");
        }
    }

    record Check(String sqltext, boolean validated) {
    }

    /** What the whole run knows: check constraints by table/name. */
    static final class RunState {
        final Map<String, Check> checks = new HashMap<>();

        boolean validatedNotNull(String table, String column) {
            String want = column + " is not null";
            for (Map.Entry<String, Check> e : checks.entrySet()) {
                if (e.getKey().startsWith(table + "/") && e.getValue().validated()
                        && normalise(e.getValue().sqltext()).equals(want)) {
                    return true;
                }
            }
            return false;
        }

        private static String normalise(String sql) {
            String s = sql.replaceAll("[\"`\\[\\]()]", " ").replaceAll("\\s+", " ").trim();
            return s.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What one revision has done so far. */
    static final class RevisionState {
        final Set<String> newTables = new HashSet<>();
        final Set<String> writeLocked = new HashSet<>();
        final Set<String> notValid = new HashSet<>();
    }

    /** Builds a {@link Linter}; not thread-safe. */
    public static final class Builder {
        private final LintTarget target;
        private Dialect dialect;
        private MetaData models;
        private final Map<String, LintRule> rules = new LinkedHashMap<>();
        private final Set<String> ignored = new LinkedHashSet<>();

        private Builder(LintTarget target) {
            this.target = Objects.requireNonNull(target, "lint target");
            for (LintRule r : BuiltinRules.all()) {
                rules.put(r.id(), r);
            }
        }

        /** The application's models (the target MetaData): enables the rules about names they still map. */
        public Builder models(MetaData metadata) {
            this.models = metadata;
            return this;
        }

        /** Rule ids to silence everywhere ({@code lint_ignore}); {@code *} silences all. */
        public Builder ignore(Collection<String> ruleIds) {
            ignored.addAll(ruleIds);
            return this;
        }

        /** Adds a rule (a project's own check) or replaces the built-in rule with the same id. */
        public Builder rule(LintRule rule) {
            rules.put(rule.id(), rule);
            return this;
        }

        public Linter build() {
            return new Linter(this);
        }
    }
}
