package org.jalchemy.migrate;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.engine.Connection;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.ops.OpSink;
import org.jalchemy.migrate.ops.TableDef;
import org.jalchemy.migrate.ops.TableElement;
import org.jalchemy.sql.Executable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The operations a revision script calls (Alembic's {@code op}): each call records one
 * {@link MigrateOp} and hands it at once to the sink, which runs it on the migration's connection,
 * prints it as SQL ({@code --sql}) or collects it (lint). Order is the order of the calls.
 *
 * <p>Table names may be qualified, {@code "schema.table"} (split at the first dot). Constraint and
 * index names left null are given by the naming convention of the configured target MetaData.
 * {@link #connection()} exists only online; data migrations that need rows use it or
 * {@link #execute(Executable)} (which works offline too, rendered with literal values).
 *
 * <p>Lint (see {@code jalchemy migrate lint}) flags operations that lock or rewrite big tables or
 * lose data; {@link #ignoring(String...)} and {@link #safetyAssured()} return a view of these ops
 * whose calls waive the named rules, or all of them, for the ops made through that view.
 *
 * <p>Not thread-safe; one instance serves one revision at a time.
 */
public final class Ops {
    private final OpSink sink;
    private final Dialect dialect;
    private final Connection connection;
    private final Set<String> silenced;

    /**
     * @param connection the migration's connection, or null offline (then {@link #connection()} raises)
     */
    public Ops(OpSink sink, Dialect dialect, Connection connection) {
        this(sink, dialect, connection, Set.of());
    }

    private Ops(OpSink sink, Dialect dialect, Connection connection, Set<String> silenced) {
        this.sink = sink;
        this.dialect = dialect;
        this.connection = connection;
        this.silenced = silenced;
    }

    // ------------------------------------------------------------------ context

    /** The dialect being migrated (also offline). */
    public Dialect dialect() {
        return dialect;
    }

    /** True in {@code --sql} mode: nothing reaches a database. */
    public boolean isOffline() {
        return connection == null;
    }

    /** The migration's connection, inside its transaction (Alembic's {@code op.get_bind()}); raises offline. */
    public Connection connection() {
        if (connection == null) {
            throw new MigrationError("op.connection() is not available in offline (--sql) mode: there is no database;"
                    + " use op.execute(...) so the statement is printed");
        }
        return connection;
    }

    /** A view whose ops waive the given lint rules (ids such as {@code drop-column}). */
    public Ops ignoring(String... lintRules) {
        Set<String> s = new LinkedHashSet<>(silenced);
        s.addAll(List.of(lintRules));
        return new Ops(sink, dialect, connection, Set.copyOf(s));
    }

    /** A view whose ops waive every lint rule (strong_migrations' {@code safety_assured}). */
    public Ops safetyAssured() {
        return ignoring("*");
    }

    /** Records {@code op} as is (for ops built elsewhere, e.g. by autogenerate). */
    public void emit(MigrateOp op) {
        sink.accept(op, silenced);
    }

    // ------------------------------------------------------------------ tables

    public void createTable(String name, TableElement... elements) {
        String[] st = split(name);
        createTable(new TableDef(st[0], st[1], List.of(elements), null));
    }

    public void createTable(TableDef table) {
        emit(new MigrateOp.CreateTable(table));
    }

    public void dropTable(String name) {
        String[] st = split(name);
        emit(new MigrateOp.DropTable(st[0], st[1], null));
    }

    public void renameTable(String name, String newName) {
        String[] st = split(name);
        emit(new MigrateOp.RenameTable(st[0], st[1], newName));
    }

    public void createTableComment(String table, String comment) {
        String[] st = split(table);
        emit(new MigrateOp.SetTableComment(st[0], st[1], comment, null));
    }

    public void dropTableComment(String table) {
        String[] st = split(table);
        emit(new MigrateOp.SetTableComment(st[0], st[1], null, null));
    }

    // ------------------------------------------------------------------ columns

    public void addColumn(String table, ColumnDef column) {
        String[] st = split(table);
        emit(new MigrateOp.AddColumn(st[0], st[1], column));
    }

    public void dropColumn(String table, String column) {
        String[] st = split(table);
        emit(new MigrateOp.DropColumn(st[0], st[1], column, null));
    }

    /** {@code op.alterColumn("users", "email", c -> c.type(string(200)).existingType(string(120)))}. */
    public void alterColumn(String table, String column, Consumer<AlterColumnSpec> change) {
        String[] st = split(table);
        AlterColumnSpec spec = new AlterColumnSpec();
        change.accept(spec);
        emit(spec.toOp(st[0], st[1], column));
    }

    // ------------------------------------------------------------------ indexes and constraints

    public void createIndex(String name, String table, String... elements) {
        String[] st = split(table);
        emit(new MigrateOp.CreateIndex(new IndexDef(name, st[0], st[1], List.of(elements), false, false)));
    }

    /** {@code op.createIndex(index("ix_users_email", "email").on("users").unique().concurrently())}. */
    public void createIndex(IndexDef index) {
        if (index.table() == null) {
            throw new MigrationError("Index " + index.name() + " names no table: use index(...).on(\"table\")");
        }
        emit(new MigrateOp.CreateIndex(index));
    }

    public void dropIndex(String name, String table) {
        String[] st = split(table);
        emit(new MigrateOp.DropIndex(st[0], st[1], name, false, null));
    }

    /** PostgreSQL {@code DROP INDEX CONCURRENTLY} (outside the transaction); a plain drop elsewhere. */
    public void dropIndexConcurrently(String name, String table) {
        String[] st = split(table);
        emit(new MigrateOp.DropIndex(st[0], st[1], name, true, null));
    }

    public void createPrimaryKey(String name, String table, String... columns) {
        addConstraint(table, new ConstraintDef.PrimaryKey(name, List.of(columns)));
    }

    public void createUniqueConstraint(String name, String table, String... columns) {
        addConstraint(table, new ConstraintDef.Unique(name, List.of(columns)));
    }

    public void createCheckConstraint(String name, String table, String condition) {
        addConstraint(table, new ConstraintDef.Check(name, condition));
    }

    /** Alembic's {@code create_foreign_key(name, source, referent, local_cols, remote_cols)}. */
    public void createForeignKey(String name, String table, String referredTable, List<String> localColumns,
                                 List<String> referredColumns) {
        String[] rt = split(referredTable);
        addConstraint(table, new ConstraintDef.ForeignKey(name, localColumns, rt[0], rt[1], referredColumns, null, null));
    }

    /** Adds any constraint definition ({@code foreignKey("a").references("t", "id").onDelete("CASCADE")}). */
    public void addConstraint(String table, ConstraintDef constraint) {
        String[] st = split(table);
        emit(new MigrateOp.AddConstraint(st[0], st[1], constraint, false));
    }

    /**
     * PostgreSQL: adds a foreign key or check constraint {@code NOT VALID} (no scan of existing rows,
     * no long lock), to be checked later with {@link #validateConstraint}. A plain add elsewhere.
     */
    public void addConstraintNotValid(String table, ConstraintDef constraint) {
        String[] st = split(table);
        emit(new MigrateOp.AddConstraint(st[0], st[1], constraint, true));
    }

    /** PostgreSQL {@code ALTER TABLE ... VALIDATE CONSTRAINT}; nothing elsewhere. */
    public void validateConstraint(String table, String name) {
        if (!"postgresql".equals(dialect.name())) {
            return;
        }
        String[] st = split(table);
        String t = (st[0] == null ? "" : dialect.quoteIdentifier(st[0]) + ".") + dialect.quoteIdentifier(st[1]);
        execute("ALTER TABLE " + t + " VALIDATE CONSTRAINT " + dialect.quoteIdentifier(name));
    }

    /** Drops a constraint; {@code kind} is needed by MySQL/MariaDB (and by SQLite's table rebuild). */
    public void dropConstraint(String name, String table, ConstraintDef.Kind kind) {
        String[] st = split(table);
        emit(new MigrateOp.DropConstraint(st[0], st[1], name, kind, null));
    }

    // ------------------------------------------------------------------ enum types (PostgreSQL)

    public void createEnumType(String name, String... values) {
        String[] st = split(name);
        emit(new MigrateOp.CreateEnumType(st[0], st[1], List.of(values)));
    }

    public void dropEnumType(String name) {
        String[] st = split(name);
        emit(new MigrateOp.DropEnumType(st[0], st[1], null));
    }

    public void addEnumValue(String typeName, String value) {
        String[] st = split(typeName);
        emit(new MigrateOp.AddEnumValue(st[0], st[1], value, null, null));
    }

    /** {@code ALTER TYPE ... ADD VALUE value BEFORE before} (or {@code AFTER after}); one of them non-null. */
    public void addEnumValue(String typeName, String value, String before, String after) {
        String[] st = split(typeName);
        emit(new MigrateOp.AddEnumValue(st[0], st[1], value, before, after));
    }

    // ------------------------------------------------------------------ data and SQL

    /** Runs SQL text exactly as written (no parameter parsing). */
    public void execute(String sql) {
        emit(new MigrateOp.Execute(sql, null));
    }

    /** Runs a Core statement ({@code update(...)}, {@code text(...)} with binds); offline it is printed with literal values. */
    public void execute(Executable statement) {
        emit(new MigrateOp.Execute(null, statement));
    }

    /** Inserts literal rows; column types are taken from the values (and from the database online). */
    public void bulkInsert(String table, List<Map<String, Object>> rows) {
        String[] st = split(table);
        emit(new MigrateOp.BulkInsert(st[0], st[1], List.of(), rows));
    }

    /** Inserts literal rows bound with the types of {@code table}'s columns. */
    public void bulkInsert(TableDef table, List<Map<String, Object>> rows) {
        emit(new MigrateOp.BulkInsert(table.schema(), table.name(), table.columns(), rows));
    }

    // ------------------------------------------------------------------ batch

    /**
     * Groups changes to one table (Alembic's {@code batch_alter_table}); on SQLite, changes ALTER
     * cannot express rebuild the table once for the whole group, data and indexes kept.
     */
    public void batchAlterTable(String table, Consumer<BatchOps> changes) {
        batchAlterTable(table, MigrateOp.Recreate.AUTO, changes);
    }

    public void batchAlterTable(String table, MigrateOp.Recreate recreate, Consumer<BatchOps> changes) {
        String[] st = split(table);
        List<MigrateOp> ops = new ArrayList<>();
        changes.accept(new BatchOps(st[0], st[1], ops));
        emit(new MigrateOp.BatchAlterTable(st[0], st[1], ops, recreate));
    }

    /** {@code "schema.table"} → {schema, table}; an unqualified name → {null, name}. */
    static String[] split(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? new String[]{null, name} : new String[]{name.substring(0, dot), name.substring(dot + 1)};
    }
}
