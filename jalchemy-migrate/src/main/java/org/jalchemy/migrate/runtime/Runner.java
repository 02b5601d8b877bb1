package org.jalchemy.migrate.runtime;

import org.jalchemy.engine.Connection;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.ops.OpSink;
import org.jalchemy.migrate.script.Revision;
import org.jalchemy.migrate.script.RevisionGraph;
import org.jalchemy.sql.StatementBase;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs revision scripts on a connection, step by step, keeping the version table truthful
 * (Alembic's {@code MigrationContext.run_migrations}).
 *
 * <p><b>Transactions.</b> Where DDL is transactional (PostgreSQL, SQLite) a run is one transaction
 * by default ({@code transactionPerRevision}: one per revision), the version table moved at the
 * end of each revision inside it: a failure rolls the whole run (or revision) back. Where DDL
 * commits by itself (MySQL/MariaDB), each revision runs <i>resumably</i>: after every statement the
 * digest of the statements done so far is committed to the progress table, and the version table
 * moves, and the progress row goes, in the revision's last transaction. A failure leaves the
 * version table at the previous revision and the progress row naming what was applied; re-running
 * {@code upgrade} after fixing the script skips exactly those statements (refusing when one of them
 * was edited since). A transactional revision switches to the resumable mode when it meets a
 * statement that must run outside a transaction (PostgreSQL {@code CONCURRENTLY}) or a SQLite table
 * rebuild, recording what it did so far first.
 *
 * <p>Data the script reads through {@code op.connection()} is not part of the progress: a resumed
 * script runs its reads again. Not thread-safe; one runner per migration lock holder.
 */
public final class Runner {
    private final Connection connection;
    private final RevisionGraph graph;
    private final VersionTable versionTable;
    private final OpCompiler compiler;
    private final SqliteRebuild rebuild;
    private final boolean transactionPerRevision;
    private final PrintStream out;
    private MigrateOp failedOp;

    public Runner(Connection connection, RevisionGraph graph, VersionTable versionTable,
                  org.jalchemy.schema.NamingConvention convention, boolean transactionPerRevision, PrintStream out) {
        this.connection = connection;
        this.graph = graph;
        this.versionTable = versionTable;
        this.compiler = new OpCompiler(connection.dialect(), convention);
        this.rebuild = new SqliteRebuild(compiler);
        this.transactionPerRevision = transactionPerRevision;
        this.out = out;
    }

    /** Applies {@code plan} (from {@link RevisionGraph#upgradePlan}); returns the new heads. */
    public Set<String> upgrade(List<Revision> plan, Set<String> heads) {
        return run(plan, heads, true);
    }

    /** Undoes {@code plan} (from {@link RevisionGraph#downgradePlan}), children first; returns the new heads. */
    public Set<String> downgrade(List<Revision> plan, Set<String> heads) {
        return run(plan, heads, false);
    }

    private Set<String> run(List<Revision> plan, Set<String> startHeads, boolean up) {
        versionTable.ensure(connection);
        connection.commit();
        VersionTable.Progress progress = versionTable.progress(connection);
        connection.commit();
        if (progress != null) {
            String dir = up ? "up" : "down";
            if (plan.isEmpty() || !plan.get(0).id().equals(progress.revision()) || !progress.direction().equals(dir)) {
                throw new MigrationError("Revision " + progress.revision() + " is part-way through its "
                        + ("up".equals(progress.direction()) ? "upgrade" : "downgrade") + " (" + progress.opsDone()
                        + " statement(s) applied): fix its script if needed and run '"
                        + ("up".equals(progress.direction()) ? "upgrade" : "downgrade") + "' through it to finish it first");
            }
        }
        Set<String> applied = new HashSet<>(graph.applied(startHeads));
        Set<String> heads = new TreeSet<>(startHeads);
        try {
            for (Revision r : plan) {
                long t0 = System.nanoTime();
                String label = up ? "Running upgrade " + String.join(", ", r.downRevisions()) + " -> " + r.id()
                        : "Running downgrade " + r.id() + " -> " + String.join(", ", r.downRevisions());
                out.print(label.replace("  ", " ") + (r.message().isEmpty() ? "" : ", " + r.message()) + " ...");
                out.flush();
                VersionTable.Progress resume = progress != null && progress.revision().equals(r.id()) ? progress : null;
                progress = null;
                if (up) {
                    applied.add(r.id());
                } else {
                    applied.remove(r.id());
                }
                Set<String> next = graph.headsOf(applied);
                runRevision(r, up, resume, heads, next);
                heads = new TreeSet<>(next);
                if (transactionPerRevision) {
                    connection.commit();
                }
                out.printf(" done in %.3f s%n", (System.nanoTime() - t0) / 1e9);
            }
            connection.commit();
        } catch (RuntimeException e) {
            out.println(" FAILED" + (failedOp == null ? "" : " at '" + failedOp.describe() + "'"));
            connection.rollback();
            throw e;
        }
        return heads;
    }

    /** Runs one revision's script, then moves the version table from {@code heads} to {@code next}. */
    private void runRevision(Revision r, boolean up, VersionTable.Progress resume, Set<String> heads, Set<String> next) {
        RevisionSink sink = new RevisionSink(r, up, resume);
        Ops ops = new Ops(sink, connection.dialect(), connection);
        try {
            if (up) {
                r.migration().upgrade(ops);
            } else {
                r.migration().downgrade(ops);
            }
        } catch (org.jalchemy.exc.JalchemyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MigrationError("Revision " + r.id() + (r.path() != null ? " (" + r.path().getFileName() + ")" : "")
                    + " failed in its " + (up ? "upgrade" : "downgrade") + ": " + e, e);
        }
        if (resume != null && sink.stepIndex < resume.opsDone()) {
            throw new MigrationError("Revision " + r.id() + " now has " + sink.stepIndex + " statement(s) but "
                    + resume.opsDone() + " were applied before: restore the script as it was when they ran");
        }
        for (String sql : versionTable.moveStatements(heads, next)) {
            connection.execDriverSql(sql);
        }
        if (sink.resumable) {
            connection.execDriverSql(versionTable.clearProgressStatement());
            connection.commit();
        }
    }

    /** Executes a revision's ops as they are recorded, switching to the resumable mode when needed. */
    private final class RevisionSink implements OpSink {
        final Revision revision;
        final boolean up;
        final VersionTable.Progress resume;
        final List<String> done = new ArrayList<>();
        boolean resumable;
        boolean progressRowWritten;
        int stepIndex;

        RevisionSink(Revision revision, boolean up, VersionTable.Progress resume) {
            this.revision = revision;
            this.up = up;
            this.resume = resume;
            this.resumable = resume != null || !connection.dialect().transactionalDdl();
            this.progressRowWritten = resume != null;
            if (resume != null) {
                done.addAll(resume.opDigests());
            }
        }

        @Override
        public void accept(MigrateOp op, Set<String> silencedRules) {
            if (op instanceof MigrateOp.AlterColumn a) {
                op = withExistingState(a);
            }
            try {
                if (compiler.needsRebuild(op) || dropsReferencedSqliteColumn(op)) {
                    String table = op.tableName();
                    String schema = switch (op) {
                        case MigrateOp.BatchAlterTable b -> b.schema();
                        case MigrateOp.AlterColumn a -> a.schema();
                        case MigrateOp.AddConstraint a -> a.schema();
                        case MigrateOp.DropConstraint d -> d.schema();
                        case MigrateOp.DropColumn d -> d.schema();
                        default -> null;
                    };
                    List<MigrateOp> inner = op instanceof MigrateOp.BatchAlterTable b ? b.ops() : List.of(op);
                    step("rebuild " + op.describe(), () -> rebuild.run(connection, schema, table, inner), true);
                    return;
                }
                for (Step s : compiler.compile(op)) {
                    String text = s.sql() != null ? s.sql() : describeStatement(s);
                    step(text, () -> execute(s), s.autocommit());
                }
            } catch (RuntimeException e) {
                failedOp = op;
                throw e;
            }
        }

        private void step(String text, Runnable action, boolean outsideTransaction) {
            String digest = digest(text);
            if (resume != null && stepIndex < resume.opsDone()) {
                if (!resume.opDigests().get(stepIndex).equals(digest)) {
                    throw new MigrationError("Statement " + (stepIndex + 1) + " of revision " + revision.id()
                            + " was applied before, but the script now gives a different statement: " + abbreviate(text)
                            + "; restore the script's earlier operations (only the failed one and those after it may change)");
                }
                stepIndex++;
                return;
            }
            if (outsideTransaction && !resumable) {
                resumable = true; // record what this revision did inside the open transaction, then go on step by step
                saveProgress();
            }
            if (outsideTransaction) {
                connection.commit();
            }
            action.run();
            stepIndex++;
            if (resumable) {
                done.add(digest);
                saveProgress();
            }
        }

        private void saveProgress() {
            VersionTable.Progress p = new VersionTable.Progress(revision.id(), up ? "up" : "down", List.copyOf(done));
            connection.execDriverSql(versionTable.saveProgressStatement(p, !progressRowWritten));
            progressRowWritten = true;
            connection.commit();
        }

        private void execute(Step s) {
            if (s.createsType() != null && typeExists(s.createsType())) {
                return;
            }
            if (s.sql() != null) {
                if (s.autocommit()) {
                    connection.autocommit(() -> connection.execDriverSql(s.sql()));
                } else {
                    connection.execDriverSql(s.sql());
                }
            } else if (s.parameterSets() != null) {
                connection.execute(s.statement(), s.parameterSets());
            } else {
                connection.execute(s.statement());
            }
        }
    }

    /**
     * SQLite's DROP COLUMN refuses columns that an index, a key or a constraint uses: those drops
     * rebuild the table instead.
     */
    private boolean dropsReferencedSqliteColumn(MigrateOp op) {
        if (!(op instanceof MigrateOp.DropColumn dc) || connection.dialect().ddlCompiler().supportsAlterTableConstraints()) {
            return false;
        }
        var insp = new org.jalchemy.schema.Inspector(connection);
        String t = dc.table();
        String s = dc.schema();
        return insp.getPkConstraint(t, s).columns().contains(dc.column())
                || insp.getIndexes(t, s).stream().anyMatch(i -> i.columns().contains(dc.column()))
                || insp.getUniqueConstraints(t, s).stream().anyMatch(u -> u.columns().contains(dc.column()))
                || insp.getForeignKeys(t, s).stream().anyMatch(f -> f.columns().contains(dc.column()))
                || insp.getCheckConstraints(t, s).stream().anyMatch(k -> k.sqltext().contains(dc.column()));
    }

    /**
     * Fills what an ALTER COLUMN leaves out about the column as it is (type, nullability, default,
     * comment) from the live table, so MySQL's MODIFY restates it faithfully; explicit values win.
     */
    private MigrateOp withExistingState(MigrateOp.AlterColumn a) {
        if (a.existingType() != null && a.existingNullable() != null) {
            return a;
        }
        var cols = new org.jalchemy.schema.Inspector(connection).getColumns(a.table(), a.schema());
        var col = cols.stream().filter(c -> c.name().equals(a.column())).findFirst().orElseThrow(() -> new MigrationError(
                "Cannot alter column '" + a.column() + "': table '" + a.table() + "' has no such column; its columns are "
                        + cols.stream().map(c -> c.name()).toList()));
        return new MigrateOp.AlterColumn(a.schema(), a.table(), a.column(), a.type(), a.nullable(), a.changesDefault(),
                a.serverDefault(), a.changesComment(), a.comment(), a.newName(), a.using(),
                a.existingType() != null ? a.existingType() : col.type(),
                a.existingNullable() != null ? a.existingNullable() : col.nullable(),
                a.existingServerDefault() != null ? a.existingServerDefault() : col.defaultSql(),
                a.existingComment() != null ? a.existingComment() : col.comment(),
                a.existingAutoincrement() || col.autoincrement());
    }

    private String describeStatement(Step s) {
        String base = s.statement() instanceof StatementBase sb ? sb.literalSql(connection.dialect()) : String.valueOf(s.statement());
        return s.parameterSets() == null ? base : base + " x" + s.parameterSets().size() + " " + s.parameterSets().hashCode();
    }

    private boolean typeExists(String name) {
        if (!connection.dialect().name().equals("postgresql")) {
            return false;
        }
        return connection.execute(org.jalchemy.sql.Sql.text("SELECT 1 FROM pg_type WHERE typname = :n"),
                java.util.Map.of("n", name)).first().isPresent();
    }

    static String digest(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

}
