package org.jalchemy.migrate.runtime;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ColumnAlteration;
import org.jalchemy.schema.Constraint;
import org.jalchemy.schema.DdlCompiler;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.Index;
import org.jalchemy.schema.NamingConvention;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.Sql;
import org.jalchemy.sql.TableClause;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one {@link MigrateOp} to the statements of a dialect, through the dialect's
 * {@link DdlCompiler} (Alembic's {@code DefaultImpl} and its per-dialect subclasses; here the
 * dialect differences live in core's dialect packages). Pure: no connection, so the same steps are
 * printed offline and run online.
 *
 * <p>Batches ({@link MigrateOp.BatchAlterTable}) and the ops SQLite cannot run with ALTER are not
 * compiled here: {@link #needsRebuild} tells the runner to rebuild the table instead
 * ({@link SqliteRebuild}).
 */
final class OpCompiler {
    private final Dialect dialect;
    private final DdlCompiler ddl;
    private final NamingConvention convention;

    OpCompiler(Dialect dialect, NamingConvention convention) {
        this.dialect = dialect;
        this.ddl = dialect.ddlCompiler();
        this.convention = convention;
    }

    Dialect dialect() {
        return dialect;
    }

    NamingConvention convention() {
        return convention;
    }

    /**
     * True when {@code op} cannot be expressed as ALTER statements on this dialect and its table
     * must be rebuilt (SQLite: column changes beyond a rename, constraints added or dropped).
     */
    boolean needsRebuild(MigrateOp op) {
        return switch (op) {
            case MigrateOp.AlterColumn a -> !ddl.supportsAlterColumn(alteration(a));
            case MigrateOp.AddConstraint c -> !ddl.supportsAlterTableConstraints();
            case MigrateOp.DropConstraint c -> !ddl.supportsAlterTableConstraints();
            case MigrateOp.BatchAlterTable b -> b.recreate() == MigrateOp.Recreate.ALWAYS
                    || (b.recreate() == MigrateOp.Recreate.AUTO && b.ops().stream().anyMatch(this::needsRebuild));
            default -> false;
        };
    }

    /** The statements of {@code op}, in order. */
    List<Step> compile(MigrateOp op) {
        try {
            return compileUnchecked(op);
        } catch (CompileError e) {
            throw new MigrationError("Cannot compile '" + op.describe() + "' for " + dialect.name() + ": " + e.getMessage(), e);
        }
    }

    private List<Step> compileUnchecked(MigrateOp op) {
        ScratchSchema s = new ScratchSchema(convention);
        List<Step> out = new ArrayList<>();
        switch (op) {
            case MigrateOp.CreateTable ct -> {
                Table t = s.table(ct.table());
                for (var type : ddl.createTypes(t).entrySet()) {
                    out.add(Step.createType(type.getValue(), type.getKey()));
                }
                ddl.createTableStatements(t, Set.of()).forEach(sql -> out.add(Step.sql(sql)));
            }
            case MigrateOp.DropTable dt -> out.add(Step.sql(ddl.dropTable(s.table(dt.schema(), dt.name()))));
            case MigrateOp.RenameTable rt -> out.add(Step.sql(ddl.renameTable(s.table(rt.schema(), rt.name()), rt.newName())));
            case MigrateOp.AddColumn ac -> addColumn(s, ac, out);
            case MigrateOp.DropColumn dc -> out.add(Step.sql(ddl.dropColumn(s.table(dc.schema(), dc.table()), dc.column())));
            case MigrateOp.AlterColumn a ->
                    ddl.alterColumn(s.table(a.schema(), a.table()), a.column(), alteration(a)).forEach(sql -> out.add(Step.sql(sql)));
            case MigrateOp.CreateIndex ci -> {
                Table t = s.table(ci.index().schema(), ci.index().table());
                Index ix = s.index(t, ci.index());
                boolean conc = ci.index().isConcurrently() && ddl.supportsConcurrentIndex();
                String sql = ddl.createIndex(ix, conc);
                out.add(conc ? Step.autocommit(sql) : Step.sql(sql));
            }
            case MigrateOp.DropIndex di -> {
                Table t = s.table(di.schema(), di.table());
                List<String> elements = di.existing() != null ? di.existing().elements() : List.of("_");
                Index ix = s.index(t, new org.jalchemy.migrate.ops.IndexDef(di.name(), di.schema(), di.table(),
                        elements, false, false));
                boolean conc = di.concurrently() && ddl.supportsConcurrentIndex();
                String sql = ddl.dropIndex(ix, conc);
                out.add(conc ? Step.autocommit(sql) : Step.sql(sql));
            }
            case MigrateOp.AddConstraint ac -> {
                Table t = s.table(ac.schema(), ac.table());
                Constraint c = s.constraint(t, ac.constraint());
                String sql = c instanceof org.jalchemy.schema.PrimaryKeyConstraint
                        ? "ALTER TABLE " + ddl.formatTable(t) + " ADD " + primaryKeySpec(t, ac.constraint())
                        : ddl.addConstraint(c);
                if (ac.notValid() && dialect.name().equals("postgresql")
                        && (ac.constraint() instanceof ConstraintDef.ForeignKey || ac.constraint() instanceof ConstraintDef.Check)) {
                    sql += " NOT VALID";
                }
                out.add(Step.sql(sql));
            }
            case MigrateOp.DropConstraint dc -> out.add(Step.sql(dropConstraint(s, dc)));
            case MigrateOp.SetTableComment c ->
                    ddl.setTableComment(s.table(c.schema(), c.table()), c.comment()).forEach(sql -> out.add(Step.sql(sql)));
            case MigrateOp.Execute e -> out.add(e.sql() != null ? Step.sql(e.sql()) : Step.statement(e.statement(), null));
            case MigrateOp.BulkInsert bi -> bulkInsert(bi, out);
            case MigrateOp.CreateEnumType ce -> out.add(Step.sql(ddl.createEnumType(ce.schema(), ce.name(), ce.values())));
            case MigrateOp.DropEnumType de -> out.add(Step.sql(ddl.dropEnumType(de.schema(), de.name())));
            case MigrateOp.AddEnumValue av -> {
                String sql = ddl.addEnumValue(av.schema(), av.name(), av.value(), av.before(), av.after());
                // PostgreSQL refuses to use a value added in the same transaction (and < 12 refuses ADD VALUE
                // in one at all): it runs by itself, committed at once
                out.add(Step.autocommit(sql));
            }
            case MigrateOp.BatchAlterTable b -> {
                for (MigrateOp inner : b.ops()) {
                    out.addAll(compileUnchecked(inner));
                }
            }
        }
        return out;
    }

    private void addColumn(ScratchSchema s, MigrateOp.AddColumn ac, List<Step> out) {
        Table t = s.table(ac.schema(), ac.table());
        ColumnDef def = ac.column();
        // the column alone first: unique/index/foreign key become their own statements
        ColumnDef plain = ColumnDef.of(def.name(), def.type()).nullable(def.isNullable());
        if (def.serverDefault() != null) {
            plain = plain.serverDefault(def.serverDefault());
        }
        if (def.comment() != null) {
            plain = plain.comment(def.comment());
        }
        if (def.autoincrement() != null) {
            plain = plain.autoincrement(def.autoincrement());
        }
        Column<?> col = s.addColumn(t, plain);
        for (var type : ddl.createTypes(t).entrySet()) {
            out.add(Step.createType(type.getValue(), type.getKey()));
        }
        List<String> add = ddl.addColumn(col);
        if (def.foreignKey() != null && !ddl.supportsAlterTableConstraints()) {
            // SQLite: the reference goes inline in ADD COLUMN
            String target = def.foreignKey();
            int dot = target.lastIndexOf('.');
            String first = add.get(0) + " REFERENCES " + dialect.quoteIdentifier(target.substring(0, dot)) + " ("
                    + dialect.quoteIdentifier(target.substring(dot + 1)) + ")"
                    + (def.onDelete() != null ? " ON DELETE " + def.onDelete() : "");
            add = new ArrayList<>(add);
            add.set(0, first);
        }
        add.forEach(sql -> out.add(Step.sql(sql)));
        if (def.isUnique()) {
            if (ddl.supportsAlterTableConstraints()) {
                out.add(Step.sql(ddl.addConstraint(t.uniqueConstraint(null, def.name()))));
            } else {
                out.add(Step.sql(ddl.createIndex(t.index(null, def.name()).unique(true))));
            }
        }
        if (def.isIndexed()) {
            out.add(Step.sql(ddl.createIndex(t.index(null, def.name()))));
        }
        if (def.foreignKey() != null && ddl.supportsAlterTableConstraints()) {
            String target = def.foreignKey();
            int dot = target.lastIndexOf('.');
            Table ref = s.table(null, target.substring(0, dot));
            s.ensureColumns(ref, List.of(target.substring(dot + 1)));
            ForeignKeyConstraint fk = t.foreignKeyConstraint(null, List.of(def.name()), target.substring(0, dot),
                    List.of(target.substring(dot + 1))).onDelete(def.onDelete());
            out.add(Step.sql(ddl.addConstraint(fk)));
        }
    }

    private String primaryKeySpec(Table t, ConstraintDef pk) {
        ConstraintDef.PrimaryKey p = (ConstraintDef.PrimaryKey) pk;
        String name = ddl.constraintName(t.primaryKey(), false);
        return (name == null ? "" : "CONSTRAINT " + dialect.quoteIdentifier(name) + " ") + "PRIMARY KEY ("
                + String.join(", ", p.columns().stream().map(dialect::quoteIdentifier).toList()) + ")";
    }

    private String dropConstraint(ScratchSchema s, MigrateOp.DropConstraint dc) {
        Table t = s.table(dc.schema(), dc.table());
        ConstraintDef.Kind kind = dc.kind() != null ? dc.kind() : dc.existing() != null ? dc.existing().kind() : null;
        if (kind == null) {
            if (dialect.name().equals("mysql") || dialect.name().equals("mariadb")) {
                throw new MigrationError("Dropping constraint '" + dc.name() + "' of table '" + dc.table() + "' on "
                        + dialect.name() + " needs its kind (foreign key, unique, check, primary):"
                        + " op.dropConstraint(name, table, ConstraintDef.Kind.FOREIGNKEY)");
            }
            kind = ConstraintDef.Kind.CHECK; // rendered as DROP CONSTRAINT name
        }
        if (dc.name() == null && kind != ConstraintDef.Kind.PRIMARY) {
            throw new MigrationError("Dropping an unnamed constraint of table '" + dc.table() + "': give its name");
        }
        ConstraintDef stub = switch (kind) {
            case PRIMARY -> new ConstraintDef.PrimaryKey(dc.name(), List.of("_"));
            case UNIQUE -> new ConstraintDef.Unique(dc.name(), List.of("_"));
            case CHECK -> new ConstraintDef.Check(dc.name(), "1 = 1");
            case FOREIGNKEY -> new ConstraintDef.ForeignKey(dc.name(), List.of("_"), null, "_ref", List.of("_"), null, null);
        };
        Constraint c = s.constraint(t, stub);
        if (c instanceof org.jalchemy.schema.PrimaryKeyConstraint && !dialect.name().equals("mysql")
                && !dialect.name().equals("mariadb")) {
            if (dc.name() == null) {
                throw new MigrationError("Dropping the primary key of '" + dc.table() + "' on " + dialect.name() + " needs its name");
            }
            return "ALTER TABLE " + ddl.formatTable(t) + " DROP CONSTRAINT " + dialect.quoteIdentifier(dc.name());
        }
        return ddl.dropConstraint(c);
    }

    private void bulkInsert(MigrateOp.BulkInsert bi, List<Step> out) {
        if (bi.rows().isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (ColumnDef c : bi.columns()) {
            names.add(c.name());
        }
        java.util.TreeSet<String> rest = new java.util.TreeSet<>(); // Map.of has no order: sorted, so the SQL is stable
        for (Map<String, Object> row : bi.rows()) {
            rest.addAll(row.keySet());
        }
        names.addAll(rest);
        List<ColumnClause<?>> cols = new ArrayList<>();
        for (String n : names) {
            ColumnDef def = bi.columns().stream().filter(c -> c.name().equals(n)).findFirst().orElse(null);
            cols.add(def == null ? Sql.column(n) : Sql.column(n, def.type()));
        }
        TableClause tc = bi.schema() == null ? Sql.table(bi.table(), cols.toArray(ColumnClause<?>[]::new))
                : Sql.tableIn(bi.schema(), bi.table(), cols.toArray(ColumnClause<?>[]::new));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : bi.rows()) {
            Map<String, Object> full = new java.util.LinkedHashMap<>();
            for (String n : names) {
                full.put(n, row.get(n));
            }
            rows.add(full);
        }
        out.add(Step.statement(Sql.insert(tc), rows));
    }

    /** The core alteration of an op. */
    static ColumnAlteration alteration(MigrateOp.AlterColumn a) {
        return new ColumnAlteration(a.type(), a.nullable(), a.changesDefault(), a.serverDefault(), a.changesComment(),
                a.comment(), a.newName(), a.using(), a.existingType(), a.existingNullable(), a.existingServerDefault(),
                a.existingComment(), a.existingAutoincrement());
    }
}
