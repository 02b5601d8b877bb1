package org.jalchemy.migrate.runtime;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Row;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.migrate.ops.TableDef;
import org.jalchemy.migrate.ops.TableElement;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.Reflected;
import org.jalchemy.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rebuilds a table to apply changes SQLite's ALTER TABLE cannot make (Alembic's batch "move and
 * copy"): reflect the table, apply the ops to that definition, create {@code _jalchemy_tmp_<t>}
 * with the new shape, copy the rows (renamed columns mapped, changed types CAST, dropped ones left
 * out, new ones take their default), drop the old table, rename the copy, recreate the indexes,
 * and check foreign keys.
 *
 * <p>The rebuild commits whatever transaction was open, then runs in one transaction of its own
 * with {@code PRAGMA foreign_keys} off (SQLite ignores that pragma inside a transaction, and with
 * it on, dropping the old table would fire ON DELETE actions on the rows that refer to it). It
 * raises, rolling back, when {@code PRAGMA foreign_key_check} finds rows the new shape orphans.
 * Afterwards the pragma is restored. Views and triggers on the table are not recreated.
 */
final class SqliteRebuild {
    private final OpCompiler compiler;

    SqliteRebuild(OpCompiler compiler) {
        this.compiler = compiler;
    }

    void run(Connection c, String schema, String table, List<MigrateOp> ops) {
        TableDef before = reflect(c, schema, table);
        Model m = new Model(before);
        for (MigrateOp op : ops) {
            m.apply(op);
        }
        String tmp = "_jalchemy_tmp_" + table;
        TableDef after = m.toDef();
        ScratchSchema s = new ScratchSchema(compiler.convention());
        TableDef tmpDef = new TableDef(schema, tmp, after.elements().stream().filter(e -> !(e instanceof IndexDef)).toList(), null);
        String create = compiler.dialect().ddlCompiler().createTable(s.table(tmpDef));
        ScratchSchema finalSchema = new ScratchSchema(compiler.convention());
        Table finalTable = finalSchema.table(after);
        List<String> indexes = finalTable.indexes().stream().map(ix -> compiler.dialect().ddlCompiler().createIndex(ix)).toList();

        var q = (java.util.function.Function<String, String>) compiler.dialect()::quoteIdentifier;
        List<String> into = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (ColumnDef col : after.columns()) {
            String origin = m.origins.get(col.name());
            if (origin == null) {
                continue;
            }
            into.add(q.apply(col.name()));
            ColumnDef old = before.column(origin);
            if (old != null && !Objects.equals(old.type(), col.type())) {
                from.add("CAST(" + q.apply(origin) + " AS " + compiler.dialect().typeCompiler().process(col.type()) + ")");
            } else {
                from.add(q.apply(origin));
            }
        }
        String qt = (schema == null ? "" : q.apply(schema) + ".") + q.apply(table);
        String qtmp = (schema == null ? "" : q.apply(schema) + ".") + q.apply(tmp);

        c.commit();
        boolean fkOn = Boolean.TRUE.equals(asBool(c.execDriverSql("PRAGMA foreign_keys").scalar()));
        c.commit();
        if (fkOn) {
            c.autocommit(() -> c.execDriverSql("PRAGMA foreign_keys=OFF"));
        }
        try {
            c.execDriverSql(create);
            if (!into.isEmpty()) {
                c.execDriverSql("INSERT INTO " + qtmp + " (" + String.join(", ", into) + ") SELECT "
                        + String.join(", ", from) + " FROM " + qt);
            }
            c.execDriverSql("DROP TABLE " + qt);
            c.execDriverSql("ALTER TABLE " + qtmp + " RENAME TO " + q.apply(table));
            for (String ix : indexes) {
                c.execDriverSql(ix);
            }
            List<Row> orphans = c.execDriverSql("PRAGMA foreign_key_check(" + q.apply(table) + ")").all();
            if (!orphans.isEmpty()) {
                throw new MigrationError("Rebuilding table '" + table + "' would leave " + orphans.size()
                        + " row(s) violating its foreign keys (first: rowid " + orphans.get(0).get(1) + " referring to "
                        + orphans.get(0).get(2) + "); nothing was changed");
            }
            c.commit();
        } catch (RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            if (fkOn) {
                c.autocommit(() -> c.execDriverSql("PRAGMA foreign_keys=ON"));
            }
        }
    }

    private static Object asBool(Object v) {
        return v instanceof Number n ? n.intValue() != 0 : v;
    }

    /** The live table as migration definitions. */
    static TableDef reflect(Connection c, String schema, String table) {
        Inspector insp = new Inspector(c);
        if (!insp.hasTable(table, schema)) {
            throw new MigrationError("Cannot alter table '" + table + "': it does not exist");
        }
        List<TableElement> els = new ArrayList<>();
        for (Reflected.Column rc : insp.getColumns(table, schema)) {
            ColumnDef d = ColumnDef.of(rc.name(), rc.type()).nullable(rc.nullable());
            if (rc.defaultSql() != null) {
                d = d.serverDefault(rc.defaultSql());
            }
            els.add(d);
        }
        Reflected.PrimaryKey pk = insp.getPkConstraint(table, schema);
        if (!pk.columns().isEmpty()) {
            els.add(new ConstraintDef.PrimaryKey(pk.name(), pk.columns()));
        }
        for (Reflected.Unique u : insp.getUniqueConstraints(table, schema)) {
            els.add(new ConstraintDef.Unique(u.name(), u.columns()));
        }
        for (Reflected.Check ck : insp.getCheckConstraints(table, schema)) {
            els.add(new ConstraintDef.Check(ck.name(), ck.sqltext()));
        }
        for (Reflected.ForeignKey fk : insp.getForeignKeys(table, schema)) {
            els.add(new ConstraintDef.ForeignKey(fk.name(), fk.columns(), fk.referredSchema(), fk.referredTable(),
                    fk.referredColumns(), fk.onDelete(), fk.onUpdate()));
        }
        for (Reflected.Index ix : insp.getIndexes(table, schema)) {
            if (ix.columns().stream().anyMatch(Objects::isNull)) {
                throw new MigrationError("Cannot rebuild table '" + table + "': its index '" + ix.name()
                        + "' has an expression SQLite does not report; drop it first and recreate it after");
            }
            els.add(new IndexDef(ix.name(), schema, table, ix.columns(), ix.unique(), false));
        }
        return new TableDef(schema, table, els, null);
    }

    /** The table definition being changed, and where each new column's values come from. */
    private static final class Model {
        final String schema;
        final String name;
        final List<ColumnDef> columns = new ArrayList<>();
        final List<ConstraintDef> constraints = new ArrayList<>();
        final List<IndexDef> indexes = new ArrayList<>();
        /** new column name → old column name (absent: a new column). */
        final Map<String, String> origins = new LinkedHashMap<>();

        Model(TableDef t) {
            this.schema = t.schema();
            this.name = t.name();
            for (ColumnDef c : t.columns()) {
                columns.add(c);
                origins.put(c.name(), c.name());
            }
            constraints.addAll(t.constraints());
            indexes.addAll(t.indexes());
        }

        void apply(MigrateOp op) {
            switch (op) {
                case MigrateOp.AddColumn ac -> {
                    ColumnDef d = ac.column();
                    columns.add(ColumnDef.of(d.name(), d.type()).nullable(d.isNullable()).serverDefault(d.serverDefault()));
                    if (d.isUnique()) {
                        constraints.add(new ConstraintDef.Unique(null, List.of(d.name())));
                    }
                    if (d.isIndexed()) {
                        indexes.add(new IndexDef("ix_" + name + "_" + d.name(), schema, name, List.of(d.name()), false, false));
                    }
                    if (d.foreignKey() != null) {
                        int dot = d.foreignKey().lastIndexOf('.');
                        constraints.add(new ConstraintDef.ForeignKey(null, List.of(d.name()), null,
                                d.foreignKey().substring(0, dot), List.of(d.foreignKey().substring(dot + 1)), d.onDelete(), null));
                    }
                }
                case MigrateOp.DropColumn dc -> {
                    column(dc.column());
                    columns.removeIf(c -> c.name().equals(dc.column()));
                    origins.remove(dc.column());
                    constraints.removeIf(c -> columnsOf(c).contains(dc.column()));
                    indexes.removeIf(i -> i.elements().contains(dc.column()));
                }
                case MigrateOp.AlterColumn a -> alter(a);
                case MigrateOp.AddConstraint ac -> {
                    if (ac.constraint() instanceof ConstraintDef.PrimaryKey) {
                        constraints.removeIf(c -> c instanceof ConstraintDef.PrimaryKey);
                    }
                    constraints.add(ac.constraint());
                }
                case MigrateOp.DropConstraint dc -> {
                    boolean removed = constraints.removeIf(c -> dc.name() != null ? dc.name().equals(c.name())
                            : dc.kind() == ConstraintDef.Kind.PRIMARY && c instanceof ConstraintDef.PrimaryKey);
                    if (!removed) {
                        throw new MigrationError("Table '" + name + "' has no constraint named '" + dc.name()
                                + "' (SQLite keeps names only for constraints declared with CONSTRAINT name); its constraints: "
                                + constraints.stream().map(ConstraintDef::name).toList());
                    }
                }
                case MigrateOp.CreateIndex ci -> indexes.add(ci.index().on(schema, name));
                case MigrateOp.DropIndex di -> {
                    if (!indexes.removeIf(i -> di.name().equals(i.name()))) {
                        throw new MigrationError("Table '" + name + "' has no index named '" + di.name() + "'");
                    }
                }
                case MigrateOp.SetTableComment sc -> {
                    // SQLite keeps no comments
                }
                default -> throw new MigrationError("'" + op.describe() + "' cannot be part of a batch on table '" + name + "'");
            }
        }

        private void alter(MigrateOp.AlterColumn a) {
            ColumnDef c = column(a.column());
            int i = columns.indexOf(c);
            ColumnDef n = c;
            if (a.type() != null) {
                n = n.withType(a.type());
            }
            if (a.nullable() != null) {
                n = n.nullable(a.nullable());
            }
            if (a.changesDefault()) {
                n = n.serverDefault(a.serverDefault());
            }
            if (a.changesComment()) {
                n = n.comment(a.comment());
            }
            if (a.newName() != null) {
                String old = c.name();
                n = n.withName(a.newName());
                String origin = origins.remove(old);
                Map<String, String> copy = new LinkedHashMap<>(origins);
                origins.clear();
                for (ColumnDef col : columns) {
                    if (col.name().equals(old)) {
                        if (origin != null) {
                            origins.put(a.newName(), origin);
                        }
                    } else if (copy.containsKey(col.name())) {
                        origins.put(col.name(), copy.get(col.name()));
                    }
                }
                constraints.replaceAll(k -> renameIn(k, old, a.newName()));
                indexes.replaceAll(ix -> new IndexDef(ix.name(), ix.schema(), ix.table(),
                        ix.elements().stream().map(e -> e.equals(old) ? a.newName() : e).toList(), ix.isUnique(), false));
            }
            columns.set(i, n);
        }

        private ColumnDef column(String col) {
            return columns.stream().filter(c -> c.name().equals(col)).findFirst()
                    .orElseThrow(() -> new MigrationError("Table '" + name + "' has no column '" + col + "'; its columns are "
                            + columns.stream().map(ColumnDef::name).toList()));
        }

        private static List<String> columnsOf(ConstraintDef c) {
            return switch (c) {
                case ConstraintDef.PrimaryKey pk -> pk.columns();
                case ConstraintDef.Unique u -> u.columns();
                case ConstraintDef.ForeignKey fk -> fk.columns();
                case ConstraintDef.Check ck -> List.of();
            };
        }

        private static ConstraintDef renameIn(ConstraintDef c, String old, String neu) {
            java.util.function.UnaryOperator<List<String>> r = l -> l.stream().map(x -> x.equals(old) ? neu : x).toList();
            return switch (c) {
                case ConstraintDef.PrimaryKey pk -> new ConstraintDef.PrimaryKey(pk.name(), r.apply(pk.columns()));
                case ConstraintDef.Unique u -> new ConstraintDef.Unique(u.name(), r.apply(u.columns()));
                case ConstraintDef.ForeignKey fk -> new ConstraintDef.ForeignKey(fk.name(), r.apply(fk.columns()),
                        fk.referredSchema(), fk.referredTable(), fk.referredColumns(), fk.onDelete(), fk.onUpdate());
                case ConstraintDef.Check ck -> ck;
            };
        }

        TableDef toDef() {
            List<TableElement> els = new ArrayList<>(columns);
            els.addAll(constraints);
            els.addAll(indexes);
            return new TableDef(schema, name, els, null);
        }
    }
}
