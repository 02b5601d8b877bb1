package org.jalchemy.migrate.lint;

import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a {@link LintRule} knows while it looks at one op: the target database, what the ops
 * before this one did (tables created and write-locked in this revision, check constraints added and
 * validated in this run), the ops after it (in this revision and the later ones of the run), the
 * models' MetaData when given, and, for {@code op.execute(...)}, the statements lint recognised in
 * the SQL. Rules report through {@link #report}.
 *
 * <p>Tables are matched by name, case-insensitively; a schema is compared only when both sides
 * name one. One context per op, used by one thread.
 */
public final class LintContext {
    private final LintTarget target;
    private final MetaData models;
    private final Linter.RunState run;
    private final Linter.RevisionState revision;
    private final Linter.Step step;
    private final List<Linter.Step> later;
    private final Set<String> knownRuleIds;
    final List<Linter.Reported> reported = new ArrayList<>();

    LintContext(LintTarget target, MetaData models, Linter.RunState run, Linter.RevisionState revision, Linter.Step step,
                List<Linter.Step> later, Set<String> knownRuleIds) {
        this.target = target;
        this.models = models;
        this.run = run;
        this.revision = revision;
        this.step = step;
        this.later = later;
        this.knownRuleIds = knownRuleIds;
    }

    public LintTarget target() {
        return target;
    }

    /** The id of the revision being linted. */
    public String revision() {
        return step.revision().revision();
    }

    /** True when an earlier op of this revision created the table (it has no rows and no readers yet). */
    public boolean isNewTable(String table) {
        return table != null && revision.newTables.contains(key(table));
    }

    /** True when an earlier op of this revision took a lock on the table that blocks its writes until commit. */
    public boolean isWriteLockedInThisRevision(String table) {
        return table != null && revision.writeLocked.contains(key(table));
    }

    /** True when this revision added the constraint {@code NOT VALID} on the table earlier. */
    public boolean addedNotValidInThisRevision(String table, String constraint) {
        return revision.notValid.contains(key(table) + "/" + key(constraint));
    }

    /**
     * True when a validated {@code CHECK (column IS NOT NULL)} on the table is known from the ops
     * linted so far (created with the table, added without NOT VALID, or validated later).
     */
    public boolean hasValidatedNotNullCheck(String table, String column) {
        return run.validatedNotNull(key(table), key(column));
    }

    /** True when models were given to the linter. */
    public boolean hasModels() {
        return models != null;
    }

    /** The models' table matching {@code schema.table}, or null (also when no models were given). */
    public Table modelTable(String schema, String table) {
        if (models == null || table == null) {
            return null;
        }
        for (Table t : models.tables()) {
            if (t.name().equalsIgnoreCase(table) && (schema == null || t.schema() == null || t.schema().equalsIgnoreCase(schema))) {
                return t;
            }
        }
        return null;
    }

    /** The models' column {@code column} of {@code schema.table}, or null. */
    public Column<?> modelColumn(String schema, String table, String column) {
        Table t = modelTable(schema, table);
        if (t == null) {
            return null;
        }
        for (Column<?> c : t.columns()) {
            if (c.name().equalsIgnoreCase(column)) {
                return c;
            }
        }
        return null;
    }

    /** The ops after this one, in order: the rest of this revision, then the later revisions of the run (batches flattened). */
    public List<MigrateOp> laterOps() {
        List<MigrateOp> out = new ArrayList<>(later.size());
        for (Linter.Step s : later) {
            out.add(s.op());
        }
        return out;
    }

    /** True when the op is one of the changes of a {@code batchAlterTable} block. */
    public boolean isInBatch() {
        return step.batch() != null;
    }

    /** True when the op is a DDL statement read from the SQL text of an {@code op.execute(...)}. */
    public boolean isFromRawSql() {
        return step.statement() != null && step.statement().op() != null;
    }

    /**
     * True for the first op checked for a script call; false for the changes inside a batch and the
     * second and later statements of an {@code op.execute(...)} (rules about the call itself run once).
     */
    public boolean isPrimary() {
        return step.primary();
    }

    /** For {@code op.execute(...)}: the statement being checked, as lint read it (empty when it could not). */
    public List<SqlStatement> sqlStatements() {
        return step.statements();
    }

    /** The rule ids the script waived for this op. */
    public Set<String> silencedRules() {
        return step.recorded().silencedRules();
    }

    /** True when {@code ruleId} names a rule of this linter (or is the wildcard {@code *}). */
    public boolean isKnownRule(String ruleId) {
        return RecordedOp.ALL_RULES.equals(ruleId) || knownRuleIds.contains(ruleId);
    }

    /** Reports a finding of {@code rule} on this op, at the rule's severity. */
    public void report(LintRule rule, String message, String recipe) {
        report(rule, rule.severity(), message, recipe);
    }

    /** Reports a finding of {@code rule} on this op at {@code severity} (a rule may be graver on one dialect). */
    public void report(LintRule rule, Severity severity, String message, String recipe) {
        reported.add(new Linter.Reported(rule, severity, message, recipe));
    }

    static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
