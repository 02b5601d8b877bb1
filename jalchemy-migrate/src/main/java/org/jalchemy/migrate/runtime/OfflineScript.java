package org.jalchemy.migrate.runtime;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.script.Revision;
import org.jalchemy.migrate.script.RevisionGraph;
import org.jalchemy.schema.NamingConvention;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.StatementBase;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Offline mode ({@code upgrade a:b --sql}): prints the whole SQL script of a range with no
 * database connection, for a DBA to review or run. Statements end with {@code ;}; on databases
 * with transactional DDL the script is wrapped in {@code BEGIN;}/{@code COMMIT;} (one pair per
 * revision with {@code transactionPerRevision}); statements that must run outside a transaction
 * close it first. Core statements are printed with literal values. Scripts calling
 * {@code op.connection()} fail here, and so do SQLite table rebuilds (they read the live table).
 */
public final class OfflineScript {
    private final Dialect dialect;
    private final RevisionGraph graph;
    private final VersionTable versionTable;
    private final OpCompiler compiler;
    private final boolean transactionPerRevision;
    private final PrintStream out;
    private boolean inTransaction;

    public OfflineScript(Dialect dialect, RevisionGraph graph, VersionTable versionTable, NamingConvention convention,
                         boolean transactionPerRevision, PrintStream out) {
        this.dialect = dialect;
        this.graph = graph;
        this.versionTable = versionTable;
        this.compiler = new OpCompiler(dialect, convention);
        this.transactionPerRevision = transactionPerRevision;
        this.out = out;
    }

    /** Prints the plan from {@code startHeads}; {@code createVersionTable}: the range starts at base. */
    public void run(List<Revision> plan, Set<String> startHeads, boolean up, boolean createVersionTable) {
        if (createVersionTable) {
            begin();
            versionTable.createStatements().forEach(this::emit);
            out.println();
            if (transactionPerRevision) {
                commit();
            }
        }
        Set<String> applied = new HashSet<>(graph.applied(startHeads));
        Set<String> heads = new TreeSet<>(startHeads);
        for (Revision r : plan) {
            begin();
            out.println("-- Running " + (up ? "upgrade " + String.join(", ", r.downRevisions()) + " -> " + r.id()
                    : "downgrade " + r.id() + " -> " + String.join(", ", r.downRevisions()))
                    + (r.message().isEmpty() ? "" : ", " + r.message()));
            out.println();
            Ops ops = new Ops((op, silenced) -> print(r, op), dialect, null);
            if (up) {
                r.migration().upgrade(ops);
                applied.add(r.id());
            } else {
                r.migration().downgrade(ops);
                applied.remove(r.id());
            }
            Set<String> next = graph.headsOf(applied);
            versionTable.moveStatements(heads, next).forEach(this::emit);
            out.println();
            heads = new TreeSet<>(next);
            if (transactionPerRevision) {
                commit();
            }
        }
        commit();
    }

    /** Prints the statements that stamp the version table from {@code from} to {@code to}. */
    public void stamp(Set<String> from, Set<String> to, boolean purge, boolean createVersionTable) {
        begin();
        if (createVersionTable) {
            versionTable.createStatements().forEach(this::emit);
        }
        if (purge) {
            emit(versionTable.purgeStatement());
            from = Set.of();
        }
        versionTable.moveStatements(from, to).forEach(this::emit);
        commit();
    }

    private void print(Revision r, MigrateOp op) {
        if (compiler.needsRebuild(op)) {
            throw new MigrationError("Revision " + r.id() + ": '" + op.describe() + "' rebuilds the table on "
                    + dialect.name() + ", which needs the live table; offline (--sql) mode cannot print it. Run it online");
        }
        for (Step s : compiler.compile(op)) {
            if (s.autocommit()) {
                commit();
                emit(s.sql());
                begin();
                continue;
            }
            if (s.sql() != null) {
                emit(s.sql());
            } else if (s.parameterSets() != null && s.statement() instanceof Insert ins) {
                for (Map<String, Object> row : s.parameterSets()) {
                    emit(ins.values(row).literalSql(dialect));
                }
            } else if (s.statement() instanceof StatementBase sb) {
                emit(sb.literalSql(dialect));
            } else {
                throw new MigrationError("Revision " + r.id() + ": statement " + s.statement()
                        + " cannot be printed with literal values offline");
            }
        }
    }

    private void begin() {
        if (dialect.transactionalDdl() && !inTransaction) {
            out.println("BEGIN;");
            out.println();
            inTransaction = true;
        }
    }

    private void commit() {
        if (inTransaction) {
            out.println("COMMIT;");
            out.println();
            inTransaction = false;
        }
    }

    private void emit(String sql) {
        out.println(sql + ";");
        out.println();
    }
}
